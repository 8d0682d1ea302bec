import { ensureRendererBuilt } from '../../scripts/renderer-build.mjs';

/** The end-to-end tests drive the built renderer: build it once, only if it is stale. */
export default async function setup(): Promise<void> {
  await ensureRendererBuilt();
}
