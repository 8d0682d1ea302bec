import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../../core/api/errors';
import type { Backend } from '../../core/api/backend';
import { PortalHost, type PortalTokenStore } from '../portal/portal-host';

/** The harness's exchange folder: always `portail/` in its data folder (a page never names paths). */
export const HARNESS_PORTAL_FOLDER = 'portail';

/**
 * The portal operations of the web harness: the same PortalHost as Electron, with a fixed
 * folder and a token kept in memory only (the harness has no keychain, and a token written
 * to its data folder in clear would outlive the session).
 */
export function harnessPortal(dataDir: string, backend: () => Backend | null): PortalHost {
  const folder = path.join(dataDir, HARNESS_PORTAL_FOLDER);
  let token: string | null = null;
  const tokens: PortalTokenStore = {
    kind: 'memory',
    read: async () => token,
    write: async (next) => {
      token = next || null;
    },
  };
  return new PortalHost({
    backend,
    folders: {
      current: async () => {
        await mkdir(folder, { recursive: true });
        return folder;
      },
      choose: async () => {
        await mkdir(folder, { recursive: true });
        return folder;
      },
    },
    tokens,
    now: () => new Date(),
  });
}

/** `/host/portal/<action>` → the operation; the body carries only `kind` or `token`, never a path. */
export async function harnessPortalRoute(portal: PortalHost, action: string, body: Record<string, unknown>): Promise<unknown> {
  switch (action) {
    case 'state':
      return portal.state();
    case 'choose-folder':
      return portal.chooseFolder();
    case 'export':
      if (body.kind !== 'full' && body.kind !== 'incremental') {
        throw ValidationError.field('kind', 'Type d’export inconnu : « full » (tout exporter) ou « incremental » (les changements).');
      }
      return portal.export(body.kind);
    case 'read-requests':
      return portal.readRequests();
    case 'push':
      return portal.push();
    case 'token':
      if (typeof body.token !== 'string') throw ValidationError.field('token', 'Indiquez le jeton du portail.');
      return portal.setToken(body.token);
    default:
      return undefined;
  }
}
