import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateFr, fromLocalDate } from '../../core/dates/dates';
import { mondayOf, weekLabel } from '../../renderer/week/week-dates';
import { depotFields, formulaFields, subscriberFields, subscriptionFields } from '../support/catalog';
import { startHarnessProcess, type HarnessProcess } from '../support/harness';
import type { Browser } from './browser';
import { closeE2e, openE2e } from './session';
import { callApi, goTo, screenshot } from './ui';

let dataDir: string;
let harness: HarnessProcess;
let browser: Browser;

const api = <T = Record<string, unknown>>(method: string, input: unknown = {}) => callApi<T>(harness.url, method, input);

// The harness runs on the real clock: every date is relative to today. Deliveries on Tuesdays.
const today = fromLocalDate(new Date());
const lastMonday = addDays(mondayOf(today), -7);
const lastTuesday = addDays(lastMonday, 1);

beforeAll(async () => {
  ({ dataDir, harness, browser } = await openE2e('dashboard', (dir) => ['--db', path.join(dir, 'tableau.paniers'), '--create', '--data-dir', dir]));

  await api('organisation-update', { ...(await api('organisation-get')), legalName: 'Jardin de Cocagne du Blavet' });
  const garden = (await api<{ id: number }>('garden-create', { name: 'Pont-Scorff', address: '' })).id;
  const depot = (await api<{ id: number }>('depot-create', depotFields(garden, { name: 'Ploemeur', weekday: 2, capacity: null }))).id;
  const round = await api<{ id: number }>('round-create', { code: 'PS-MAR', name: 'Pont-Scorff – mardi', weekday: 2, colour: '#2f9e44' });
  await api('round-set-depots', { id: round.id, depotIds: [depot] });
  const formula = (await api<{ id: number }>('formula-create', formulaFields({ priceFrom: addDays(lastMonday, -60) }))).id;
  for (const [i, [firstName, lastName]] of [['Anne', 'Le Goff'], ['Bernard', 'Le Floch'], ['Chantal', 'Jégo']].entries()) {
    const subscriber = await api<{ id: number }>('subscriber-create', subscriberFields({ firstName, lastName, email: `adherent${i + 1}@example.fr` }));
    await api('subscription-create', subscriptionFields(subscriber.id, formula, depot, { startDate: lastMonday }));
  }
});

afterAll(() => closeE2e({ dataDir, harness, browser }));

describe('the Tableau de bord in Chromium, through the web harness', () => {
  it('leads from « semaine à valider » to the week, and the task goes once the week is validated', async () => {
    const { page } = browser;
    await page.goto(harness.url);
    await page.getByRole('banner').getByText('tableau.paniers').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    const tasks = page.getByRole('region', { name: 'À faire' });
    const lastWeekTask = tasks.getByRole('button', { name: new RegExp(`^Semaine du ${formatDateFr(lastMonday, 'd MMMM')} : 1 jour de livraison à valider \\(3 paniers\\).* : ouvrir la semaine$`) });
    await lastWeekTask.waitFor();
    await screenshot(page, 'dashboard-00-semaine-a-valider');

    await lastWeekTask.click();
    await page.getByRole('heading', { level: 1, name: 'Semaine' }).waitFor();
    await page.getByRole('heading', { name: weekLabel(lastTuesday) }).waitFor();
    await page.getByRole('button', { name: 'Valider la semaine' }).click();
    const confirm = page.getByRole('dialog', { name: 'Valider la semaine' });
    await confirm.getByText(/3 paniers prévus deviennent des livraisons/).waitFor();
    await confirm.getByRole('button', { name: 'Valider' }).click();
    await page.getByText('Journée validée').waitFor();

    await goTo(page, 'Tableau de bord');
    await tasks.waitFor();
    await expect.poll(() => tasks.getByRole('button', { name: new RegExp(`^Semaine du ${formatDateFr(lastMonday, 'd MMMM')} `) }).count()).toBe(0);
    expect(await api('delivery-records', { day: lastTuesday })).toHaveLength(3);
    await screenshot(page, 'dashboard-01-semaine-validee');
    expect(browser.problems).toEqual([]);
  });

  it('shows the demonstration database on the three tabs (screenshots)', async () => {
    const { page } = browser;
    expect(await harness.stop()).toBe(0);
    harness = await startHarnessProcess(['--demo', '--data-dir', dataDir]);
    await page.goto(harness.url);
    await page.getByRole('region', { name: 'Paniers de la semaine' }).waitFor();
    await page.getByRole('region', { name: 'À faire' }).waitFor();
    await screenshot(page, 'dashboard-10-demo-aujourdhui', true);

    await page.getByRole('tab', { name: 'Prévisions' }).click();
    await page.getByRole('table', { name: /^Prévision — Semaine/ }).first().waitFor();
    await screenshot(page, 'dashboard-11-demo-previsions');
    await screenshot(page, 'dashboard-12-demo-previsions-page', true);
    await page.getByRole('button', { name: 'Imprimer pour les jardiniers' }).click();
    const ready = page.getByRole('dialog', { name: 'Prévision de récolte prête' });
    await ready.getByText(/\.pdf/).waitFor();
    const pdfDownload = page.waitForEvent('download');
    await ready.getByRole('button', { name: 'Télécharger' }).click();
    const pdf = await readFile((await (await pdfDownload).path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await ready.getByRole('button', { name: 'Fermer' }).click();

    // Last month invoiced, as the office would, so the revenue report has something to show.
    const lastMonth = addDays(`${today.slice(0, 7)}-01` as typeof today, -1).slice(0, 7);
    const run = await api<{ id: number }>('invoice-run-prepare', { month: lastMonth });
    await api('invoice-run-issue', { runId: run.id });
    await page.getByRole('tab', { name: 'Rapports' }).click();
    await page.getByRole('button', { name: 'Année en cours' }).click();
    const depots = page.getByRole('table', { name: 'Dépôts sur la période' });
    await depots.waitFor();
    await screenshot(page, 'dashboard-13-demo-rapports');
    await screenshot(page, 'dashboard-14-demo-rapports-page', true);
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Dépôts : exporter (CSV)' }).click();
    const csv = await readFile((await (await csvDownload).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeffJardin;Dépôt;Abonnés;Paniers livrés;Jours de livraison;Paniers par jour (moyenne);Capacité;Remplissage (%)');
    expect(browser.problems).toEqual([]);
  });
});
