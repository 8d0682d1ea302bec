import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestFileSchema, subscriberFileSchema } from '../../core/portal/portal-schema';
import { type HarnessProcess } from '../support/harness';
import type { Browser } from './browser';
import { closeE2e, openE2e } from './session';
import { callApi, goTo, screenshot } from './ui';

let dataDir: string;
let harness: HarnessProcess;
let browser: Browser;

const api = <T = Record<string, unknown>>(method: string, input: unknown = {}) => callApi<T>(harness.url, method, input);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

beforeAll(async () => {
  ({ dataDir, harness, browser } = await openE2e('portal', (dir) => ['--demo', '--data-dir', dir]));
  // The longest cancellation notice (14 days): the next deliveries are past their deadline,
  // so a cancellation from the portal waits for the office.
  await api('delivery-settings-update', { ...(await api('delivery-settings-get')), cancelDeadlineDays: 14 });
});

afterAll(() => closeE2e({ dataDir, harness, browser }));

describe('the Portail screen in Chromium, through the web harness', () => {
  it('exports into portail/, reads the portal’s requests, and accepts the one that waited', async () => {
    const { page } = browser;
    const folder = path.join(dataDir, 'portail');
    await page.goto(harness.url);
    await page.getByRole('banner').getByText('demo.paniers').waitFor();
    await goTo(page, 'Portail');
    await page.getByText(folder).waitFor();
    await screenshot(page, 'portal-00-vide');

    // 1. The export: files in the harness's portail/ folder, a manifest whose checksums match.
    await page.getByRole('button', { name: 'Exporter les changements' }).click();
    await page.getByLabel('Dernier export').getByText('n° 1 (complet)').waitFor();
    const manifest = manifestFileSchema.parse(JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')));
    expect(manifest).toMatchObject({ format: 'paniers-portail', version: 1, sequence: 1, kind: 'full' });
    expect(manifest.counts.subscribers).toBeGreaterThan(100);
    for (const file of manifest.files) {
      const bytes = await readFile(path.join(folder, ...file.name.split('/')));
      expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256);
    }
    await screenshot(page, 'portal-01-exporte');

    // 2. A simulated portal writes demandes/x.json: a contact change, and a late cancellation.
    const subscribers = await Promise.all(
      manifest.files.filter((f) => f.name.startsWith('subscribers/')).map(async (f) => subscriberFileSchema.parse(JSON.parse(await readFile(path.join(folder, f.name), 'utf8')))),
    );
    const lateOne = subscribers.find((s) => s.upcomingDeliveries.some((d) => !d.cancellable && d.date > today && d.status === 'expected'));
    expect(lateOne, 'a subscriber with a delivery past its cancellation deadline').toBeDefined();
    const lateDate = lateOne!.upcomingDeliveries.find((d) => !d.cancellable && d.date > today && d.status === 'expected')!.date;
    const mover = subscribers.find((s) => s.portalId !== lateOne!.portalId)!;
    await mkdir(path.join(folder, 'demandes'), { recursive: true });
    await writeFile(
      path.join(folder, 'demandes', 'x.json'),
      JSON.stringify({
        format: 'paniers-portail-demandes',
        version: 1,
        requests: [
          { requestId: 'e2e-contact', portalId: mover.portalId, requestedAt: new Date().toISOString(), type: 'contact_update', email: 'portail.e2e@example.fr' },
          { requestId: 'e2e-late', portalId: lateOne!.portalId, requestedAt: new Date().toISOString(), type: 'cancel_deliveries', dates: [lateDate] },
        ],
      }),
    );

    // 3. « Lire les demandes »: one applied, one waiting with its reason.
    await page.getByRole('button', { name: 'Lire les demandes du portail' }).click();
    await page.getByText('1 fichier lu : 1 appliquée, 1 en attente, 0 rejetée, 0 déjà reçue.').waitFor();
    const table = page.getByRole('table', { name: 'Demandes en attente' });
    await table.getByText('Le délai d’annulation', { exact: false }).waitFor();
    expect(await readdir(path.join(folder, 'demandes', 'traitees'))).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-x\.json$/)]);
    await screenshot(page, 'portal-02-demandes', true);

    // 4. The office accepts the late cancellation.
    await table.getByRole('button', { name: /^Accepter/ }).click();
    await page.getByText('Aucune demande en attente.').waitFor();
    await screenshot(page, 'portal-03-acceptee');
    const requests = await api<{ requestId: string; status: string }[]>('portal-request-list', {});
    expect(requests.map((r) => [r.requestId, r.status]).sort()).toEqual([
      ['e2e-contact', 'applied'],
      ['e2e-late', 'applied'],
    ]);
  });
});
