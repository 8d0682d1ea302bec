import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateShortFr, fromLocalDate, type IsoDate } from '../../core/dates/dates';
import { mondayOf } from '../../core/deliveries/plan';
import { nextTargetDay } from '../../core/payments/sepa/target-calendar';
import { previousMonth } from '../../renderer/invoicing/invoicing-text';
import { depotFields, formulaFields, subscriberFields, subscriptionFields } from '../support/catalog';
import { settableClock } from '../support/clock';
import { createTestBackend } from '../support/core';
import { startHarnessProcess, type HarnessProcess } from '../support/harness';
import { validOrganisation } from '../support/organisation';
import { launchBrowser, type Browser } from './browser';
import { callApi, choose, closedDialog, goTo, screenshot, SCREENS_DIR } from './ui';

/**
 * The harness runs on the real clock, and a batch can be settled only once its collection date
 * has passed (at the earliest a business day after it is made). So the database is prepared
 * here first, with a clock moved back: an older run already has a batch exported six weeks ago
 * (the one settled in the browser), a recent run is issued (the one batched in the browser).
 */
let dataDir: string;
let harness: HarnessProcess;
let browser: Browser;

const api = <T = Record<string, unknown>>(method: string, input: unknown = {}) => callApi<T>(harness.url, method, input);
const today = fromLocalDate(new Date());
const atNine = (day: IsoDate) => new Date(`${day}T09:30:00`).toISOString();
const olderDay = addDays(today, -45);
const recentDay = addDays(today, -2);
const olderMonth = previousMonth(new Date(`${olderDay}T12:00:00`));
const recentMonth = previousMonth(new Date(`${recentDay}T12:00:00`));
let olderBatch: { id: number; collectionDate: IsoDate };

const PEOPLE = [
  ['Anne', 'Le Goff', 'sepa'],
  ['Bernard', 'Le Floch', 'sepa'],
  ['Chantal', 'Jégo', 'sepa'],
  ['Denis', 'Guého', 'cheque'],
] as const;

async function prepareDatabase(file: string) {
  const clock = settableClock(atNine(olderDay));
  const { backend, db } = await createTestBackend({ clock });
  const call = async <T = { id: number }>(method: string, input: unknown = {}) => (await backend.call(method, input)) as T;
  const start = `${olderMonth}-01` as IsoDate;
  await call('organisation-update', validOrganisation());
  const garden = (await call('garden-create', { name: 'Pont-Scorff', address: '' })).id;
  const depot = (await call('depot-create', depotFields(garden, { name: 'Ploemeur', weekday: 2, capacity: null }))).id;
  const round = await call('round-create', { code: 'PS-MAR', name: 'Pont-Scorff – mardi', weekday: 2, colour: '#2f9e44' });
  await call('round-set-depots', { id: round.id, depotIds: [depot] });
  const formula = (await call('formula-create', formulaFields({ priceFrom: addDays(start, -60) }))).id;
  for (const [i, [firstName, lastName, paymentMethod]] of PEOPLE.entries()) {
    const payer = paymentMethod === 'sepa' ? { mandateRum: `RUM-00${i + 1}`, mandateSignedOn: addDays(start, -30) } : { iban: '', mandateSignedOn: null };
    const subscriber = await call('subscriber-create', subscriberFields({ firstName, lastName, email: `adherent${i + 1}@example.fr`, paymentMethod, ...payer }));
    await call('subscription-create', subscriptionFields(subscriber.id, formula, depot, { startDate: start }));
  }
  const invoiceMonth = async (month: string) => {
    for (let monday = mondayOf(`${month}-01` as IsoDate); monday.slice(0, 7) <= month; monday = addDays(monday, 7)) {
      await call('delivery-close', { day: monday, wholeWeek: true }).catch((e: Error) => {
        if (!/déjà validée/.test(e.message)) throw e;
      });
    }
    const run = await call('invoice-run-prepare', { month });
    await call('invoice-run-issue', { runId: run.id });
    return run.id;
  };
  // Six weeks ago: the older month invoiced, its batch made on the earliest day and exported.
  const olderRun = await invoiceMonth(olderMonth);
  const preview = await call<{ earliestDate: IsoDate }>('sepa-batch-preview', { runId: olderRun });
  olderBatch = await call('sepa-batch-create', { runId: olderRun, collectionDate: preview.earliestDate });
  await call('sepa-batch-export', { batchId: olderBatch.id });
  // Two days ago: last month invoiced.
  clock.set(atNine(recentDay));
  await invoiceMonth(recentMonth);
  await writeFile(file, db.export());
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'paniers-e2e-sepa-'));
  await mkdir(SCREENS_DIR, { recursive: true });
  const file = path.join(dataDir, 'prelevements.paniers');
  await prepareDatabase(file);
  harness = await startHarnessProcess(['--db', file, '--data-dir', dataDir]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('Prélèvements SEPA in Chromium, through the web harness', () => {
  it('creates a batch from the issued run, exports its XML, marks it sent; settles an older batch and records a reject', async () => {
    const { page } = browser;
    await page.goto(harness.url);
    await page.getByRole('banner').getByText('prelevements.paniers').waitFor();
    await goTo(page, 'Prélèvements SEPA');
    const batches = page.getByRole('table', { name: 'Lots de prélèvements' });
    await batches.getByText('Prêt à envoyer').waitFor();
    await screenshot(page, 'sepa-00-lots');

    // The new batch: the recent run, a too-early date refused on the field, then the suggested one.
    await page.getByRole('button', { name: 'Nouveau prélèvement' }).click();
    await page.getByRole('heading', { name: /^3 prélèvements pour/ }).waitFor();
    const date = page.getByLabel('Date de prélèvement');
    const suggested = await date.inputValue();
    await page.getByText('1 facture réglée autrement', { exact: false }).waitFor();
    await screenshot(page, 'sepa-10-nouveau-apercu', true);
    // A bank day (a weekend would be refused for another reason), well before the 14-day notice.
    await date.fill(formatDateShortFr(nextTargetDay(today)));
    await page.getByText('Trop tôt', { exact: false }).waitFor();
    await expect(page.getByRole('button', { name: 'Créer le lot' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'sepa-11-date-trop-tot');
    await date.fill(suggested);
    await page.getByRole('button', { name: 'Créer le lot' }).and(page.locator(':enabled')).click();
    await page.getByRole('heading', { level: 1, name: `Prélèvement du ${suggested}` }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter le fichier XML' }).click();
    const file = await download;
    const xml = await readFile((await file.path())!, 'utf8');
    expect(file.suggestedFilename()).toMatch(/^prelevements-\d{4}-\d{2}-\d{2}-lot-2\.xml$/);
    expect(xml.startsWith('<?xml')).toBe(true);
    expect(xml).toContain('pain.008.001.08');
    expect(xml).toContain('<NbOfTxs>3</NbOfTxs>');
    await page.getByRole('button', { name: 'Marquer comme envoyé' }).and(page.locator(':enabled')).click();
    const sent = page.getByRole('dialog', { name: 'Marquer comme envoyé' });
    await sent.getByRole('button', { name: 'Le fichier est déposé' }).click();
    await page.getByText('Envoyé à la banque', { exact: true }).first().waitFor();
    await expect(page.getByRole('button', { name: 'Marquer comme encaissé' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'sepa-20-lot-envoye', true);

    // The older batch: its date has passed, so it goes sent → settled, then one debit comes back.
    await page.getByRole('button', { name: 'Tous les prélèvements' }).click();
    await batches.getByRole('button', { name: `Lot n° ${olderBatch.id} du ${formatDateShortFr(olderBatch.collectionDate)}` }).click();
    await page.getByRole('button', { name: 'Marquer comme envoyé' }).click();
    await sent.getByRole('button', { name: 'Le fichier est déposé' }).click();
    await page.getByRole('button', { name: 'Marquer comme encaissé' }).and(page.locator(':enabled')).click();
    const debits = page.getByRole('table', { name: 'Prélèvements du lot' });
    await expect.poll(() => debits.getByText('Encaissé', { exact: true }).count()).toBe(3);
    await page.getByRole('button', { name: 'Enregistrer un rejet pour Bernard Le Floch' }).click();
    const reject = page.getByRole('dialog', { name: 'Enregistrer un rejet' });
    await choose(page, reject, 'Motif', 'AM04 — Provision insuffisante');
    // The harness's day (the browser runs in Paris time, the harness in the machine's: near midnight they differ).
    await reject.getByLabel('Date').fill(formatDateShortFr(fromLocalDate(new Date())));
    await reject.getByRole('button', { name: 'Enregistrer le rejet' }).click();
    await closedDialog(page, 'Enregistrer un rejet', 'sepa-99-rejet-refuse');
    await debits.getByText('Retour AM04 — Provision insuffisante', { exact: false }).waitFor();
    await screenshot(page, 'sepa-30-lot-encaisse-rejet', true);

    await page.getByRole('button', { name: 'Tous les prélèvements' }).click();
    await page.getByRole('tab', { name: 'Rejets à traiter' }).click();
    await page.getByRole('table', { name: 'Rejets à traiter' }).getByText('Bernard Le Floch').waitFor();
    await screenshot(page, 'sepa-40-rejets');
    await page.getByRole('tab', { name: 'Mandats' }).click();
    await page.getByRole('table', { name: 'Mandats' }).getByText('Chantal Jégo').waitFor();
    await expect(page.getByRole('radio', { name: 'Tous (3)' }).isChecked()).resolves.toBe(true);
    await screenshot(page, 'sepa-50-mandats');

    const floch = (await api<{ mandates: { subscriberId: number; name: string }[] }>('mandate-list', { status: 'all', search: 'floch' })).mandates[0]!;
    await expect(api('sepa-return-list', { subscriberId: floch.subscriberId })).resolves.toMatchObject({ returns: [{ code: 'AM04' }] });
    expect(browser.problems).toEqual([]);
  });

  it('stays readable with the demonstration database: a run of a few hundred invoices, its batch and the mandates', async () => {
    const demoDir = await mkdtemp(path.join(os.tmpdir(), 'paniers-e2e-sepa-demo-'));
    const demo = await startHarnessProcess(['--demo', '--data-dir', demoDir]);
    try {
      const demoApi = <T = { id: number }>(method: string, input: unknown = {}) => callApi<T>(demo.url, method, input);
      const run = await demoApi('invoice-run-prepare', { month: previousMonth(new Date()) });
      await demoApi('invoice-run-issue', { runId: run.id });
      const { page } = browser;
      await page.goto(demo.url);
      await goTo(page, 'Prélèvements SEPA');
      await page.getByRole('button', { name: 'Nouveau prélèvement' }).click();
      await page.getByRole('table', { name: 'Prélèvements prévus' }).waitFor();
      await screenshot(page, 'sepa-60-demo-apercu');
      await page.getByRole('button', { name: 'Créer le lot' }).and(page.locator(':enabled')).click();
      await page.getByRole('table', { name: 'Prélèvements du lot' }).waitFor();
      await screenshot(page, 'sepa-61-demo-lot');
      await page.getByRole('button', { name: 'Tous les prélèvements' }).click();
      await page.getByRole('tab', { name: 'Mandats' }).click();
      await page.getByRole('table', { name: 'Mandats' }).waitFor();
      await screenshot(page, 'sepa-62-demo-mandats');
      await page.getByLabel('Rechercher un mandat').fill('zzzz');
      await page.getByText('Aucun mandat ne correspond à « zzzz ».').waitFor();
      expect(browser.problems).toEqual([]);
    } finally {
      await demo.stop();
      await rm(demoDir, { recursive: true, force: true });
    }
  });
});
