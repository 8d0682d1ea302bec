import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, formatDateShortFr, type IsoDate } from '../../core/dates/dates';
import { subscriberFields } from '../support/catalog';
import { startHarnessProcess, type HarnessProcess } from '../support/harness';
import type { Browser } from './browser';
import { closeE2e, openE2e } from './session';
import { callApi, choose, closedDialog, dialog, field, goTo, screenshot } from './ui';

let dataDir: string;

/** The lists show a loader until their data is there (the demo's month-end projections take a moment). */
const settled = (page: Browser['page']) => page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
let harness: HarnessProcess;
let browser: Browser;

const api = <T = Record<string, unknown>>(method: string, input: unknown = {}) => callApi<T>(harness.url, method, input);
// The harness runs on the real clock, the browser in Europe/Paris (its « today » fills the dates).
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date()) as IsoDate;
const TABS = [
  ['Bordereaux', 'bordereaux'],
  ['Soldes bas', 'soldes-bas'],
  ['Impayés', 'impayes'],
  ['Export comptable', 'export-comptable'],
] as const;

beforeAll(async () => {
  ({ dataDir, harness, browser } = await openE2e('payments', (dir) => ['--db', path.join(dir, 'reglements.paniers'), '--create', '--data-dir', dir]));
  await api('organisation-update', {
    ...(await api('organisation-get')),
    legalName: 'Jardin de Cocagne du Blavet',
    addressLine1: 'Route de Cléguer',
    postcode: '56620',
    city: 'Pont-Scorff',
    siret: '732 829 320 00074',
    iban: 'FR76 3000 4000 0312 3456 7890 143',
    bic: 'BNPAFRPP',
  });
  await api('subscriber-create', subscriberFields({ firstName: 'Chantal', lastName: 'Jégo', paymentMethod: 'cheque', iban: '', mandateSignedOn: null }));
});

afterAll(() => closeE2e({ dataDir, harness, browser }));

describe('the Règlements screen in Chromium, through the web harness', () => {
  it('records three cheques, prints their deposit slip, and downloads the accountant’s export', async () => {
    const { page } = browser;
    await page.goto(harness.url);
    await page.getByRole('banner').getByText('reglements.paniers').waitFor();
    await goTo(page, 'Règlements');
    await page.getByText('Aucun chèque en main à remettre', { exact: false }).waitFor();
    await screenshot(page, 'reglements-00-vide');

    // Three postdated cheques handed in together, a month apart.
    await page.getByRole('button', { name: 'Enregistrer des chèques' }).click();
    const record = await dialog(page, 'Enregistrer des chèques');
    await choose(page, record, 'Adhérent', /Chantal Jégo/);
    await field(record, 'Numéro du chèque 1').fill('8812301');
    await field(record, 'Banque du chèque 1').fill('Crédit Mutuel de Bretagne');
    await field(record, 'Montant du chèque 1').fill('136,50');
    await record.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await record.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await field(record, 'Numéro du chèque 2').fill('8812302');
    await field(record, 'Numéro du chèque 3').fill('8812303');
    await record.getByRole('button', { name: 'Répéter les dates' }).click();
    await page.getByRole('menuitem', { name: 'Tous les mois' }).click();
    await expect(field(record, 'Tireur du chèque 3').inputValue()).resolves.toBe('Chantal Jégo');
    await screenshot(page, 'reglements-01-enregistrer-cheques');
    await record.getByRole('button', { name: 'Enregistrer les 3 chèques' }).click();
    await closedDialog(page, 'Enregistrer des chèques', 'reglements-01-echec');
    await expect(api<{ balanceCents: number }>('ledger-balance', { subscriberId: 1 })).resolves.toMatchObject({ balanceCents: 3 * 13650 });

    // Only the first is due today: the slip, then its PDF.
    const due = page.getByRole('table', { name: 'Chèques à remettre' });
    await due.getByText('8812301').waitFor();
    await expect(due.getByRole('row').count()).resolves.toBe(2);
    await screenshot(page, 'reglements-02-a-remettre');
    await page.getByRole('button', { name: 'Créer le bordereau' }).click();
    const ready = await dialog(page, 'Bordereau de remise prêt');
    await expect(ready.innerText()).resolves.toContain(`bordereau-BR-${today.slice(0, 4)}-0001.pdf`);
    await screenshot(page, 'reglements-03-bordereau-pret');
    const download = page.waitForEvent('download');
    await ready.getByRole('button', { name: 'Télécharger' }).click();
    const pdf = await readFile((await (await download).path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await ready.getByRole('button', { name: 'Fermer' }).click();

    await page.locator('label', { hasText: 'Tous les chèques' }).click();
    await page.getByRole('table', { name: 'Tous les chèques' }).getByText('8812303').waitFor();
    await screenshot(page, 'reglements-04-tous-les-cheques');
    for (const [tab, name] of TABS) {
      await page.getByRole('tab', { name: tab }).click();
      await settled(page);
      await screenshot(page, `reglements-1-${name}`);
    }

    // The accountant's export around today (last month to next month: no midnight race), as a FEC.
    const firstOfMonth = `${today.slice(0, 8)}01` as IsoDate;
    await field(page, 'Du').fill(formatDateShortFr(addMonths(firstOfMonth, -1)));
    await field(page, 'Au').fill(formatDateShortFr(addDays(addMonths(firstOfMonth, 2), -1)));
    const fec = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter', exact: true }).click();
    const file = await fec;
    expect(file.suggestedFilename()).toMatch(/^732829320FEC\d{8}\.txt$/);
    await page.getByLabel('Résumé de l’export').getByText(/équilibré/).waitFor();
    await screenshot(page, 'reglements-20-export-fait', true);
    const lines = (await readFile((await file.path())!, 'utf8')).split(/\r?\n/).filter(Boolean);
    expect(lines[0]!.split('\t')).toHaveLength(18);
    // The header, three cheques received (customer → cheques to deposit) and the slip (→ bank), two lines each.
    expect(lines).toHaveLength(1 + 4 * 2);
    await page.getByLabel('Résumé de l’export').getByText(/équilibré/).waitFor();
    await page.getByRole('button', { name: 'Vérifier l’intégrité du journal' }).click();
    await page.getByRole('status').getByText('Journal intègre', { exact: false }).waitFor();
    await screenshot(page, 'reglements-20-export-fait', true);
    expect(browser.problems).toEqual([]);
  });

  it('shows every tab with the demonstration database (screenshots with many rows)', async () => {
    const { page } = browser;
    expect(await harness.stop()).toBe(0);
    harness = await startHarnessProcess(['--demo', '--data-dir', dataDir]);
    await page.goto(harness.url);
    await goTo(page, 'Règlements');
    await settled(page);
    await screenshot(page, 'reglements-demo-0-cheques');
    await page.locator('label', { hasText: 'Tous les chèques' }).click();
    await settled(page);
    await screenshot(page, 'reglements-demo-0-tous-les-cheques');
    for (const [tab, name] of TABS) {
      await page.getByRole('tab', { name: tab }).click();
      await settled(page);
      await screenshot(page, `reglements-demo-${name}`);
    }
    await page.getByRole('tab', { name: 'Impayés' }).click();
    const unpaid = page.getByRole('table', { name: 'Impayés' });
    if (await unpaid.isVisible()) {
      await unpaid.getByRole('button', { name: /Détail des impayés/ }).first().click();
      await screenshot(page, 'reglements-demo-impayes-detail');
    }
    expect(browser.problems).toEqual([]);
  });
});
