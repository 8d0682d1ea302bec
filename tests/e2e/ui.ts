import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** Helpers every end-to-end test uses: the harness API as a script, screenshots, labelled fields. */

export const SCREENS_DIR = path.resolve(import.meta.dirname, '../.artifacts/screens');

/** Calls the harness's API as a script would (no browser, no Origin), to build or check data. */
export async function callApi<T = unknown>(baseUrl: string, method: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`${baseUrl}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { data?: T; error?: unknown };
  if (body.data === undefined) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
  return body.data;
}

/** A PNG in tests/.artifacts/screens/ for a person to look at. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage });
}

/** Clicks a destination of the navigation and waits for its page title. */
export async function goTo(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

/** The input or text area labelled `label`, as a person finds it. */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(label, { exact: false }).and(scope.locator('input, textarea'));
}

/** A Mantine Select: open it, then pick the option as a person would. */
export async function choose(page: Page, scope: Page | Locator, label: string, option: string | RegExp): Promise<void> {
  await field(scope, label).click();
  await page.getByRole('option', { name: option }).first().click();
}

export async function dialog(page: Page, name: string): Promise<Locator> {
  const found = page.getByRole('dialog', { name });
  await found.waitFor();
  return found;
}

/** Waits for a dialog to close; if it stays open, its field errors are the diagnosis: keep a picture. */
export async function closedDialog(page: Page, name: string, screenshotName: string): Promise<void> {
  try {
    await page.getByRole('dialog', { name }).waitFor({ state: 'detached' });
  } catch (error) {
    await screenshot(page, screenshotName);
    throw error;
  }
}
