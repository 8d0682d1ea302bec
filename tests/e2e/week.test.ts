import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, fromLocalDate, type IsoDate } from '../../core/dates/dates';
import { capitalise, dayLabel, mondayOf, weekLabel } from '../../renderer/week/week-dates';
import { depotFields, formulaFields, subscriberFields, subscriptionFields } from '../support/catalog';
import { startHarnessProcess, type HarnessProcess } from '../support/harness';
import type { Browser } from './browser';
import { closeE2e, openE2e } from './session';
import { callApi, screenshot } from './ui';

let dataDir: string;
let harness: HarnessProcess;
let browser: Browser;

const api = <T = Record<string, unknown>>(method: string, input: unknown = {}) => callApi<T>(harness.url, method, input);
const shot = (page: Page, name: string, fullPage = false) => screenshot(page, name, fullPage);

async function goTo(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('button', { name: label, exact: true }).click();
}

async function showWeekOf(page: Page, day: IsoDate): Promise<void> {
  await page.getByLabel('Aller à la semaine du').fill(day);
  await page.getByRole('heading', { name: weekLabel(day) }).waitFor();
}

// The harness runs on the real clock: every date is relative to today. Deliveries on Tuesdays.
const today = fromLocalDate(new Date());
const thisMonday = mondayOf(today);
const lastTuesday = addDays(thisMonday, -6);
const laterMonday = addDays(thisMonday, 14);
const laterTuesday = addDays(laterMonday, 1);

const PEOPLE = [
  ['Anne', 'Le Goff', 'ploemeur'],
  ['Bernard', 'Le Floch', 'ploemeur'],
  ['Chantal', 'Jégo', 'ploemeur'],
  ['Denis', 'Tanguy', 'ploemeur'],
  ['Élodie', 'Guégan', 'riantec'],
  ['François', 'Hervé', 'riantec'],
] as const;

beforeAll(async () => {
  ({ dataDir, harness, browser } = await openE2e('week', (dir) => ['--db', path.join(dir, 'semaine.paniers'), '--create', '--data-dir', dir]));

  await api('organisation-update', { ...(await api('organisation-get')), legalName: 'Jardin de Cocagne du Blavet' });
  const pontScorff = (await api<{ id: number }>('garden-create', { name: 'Pont-Scorff', address: '' })).id;
  const riantec = (await api<{ id: number }>('garden-create', { name: 'Riantec', address: '' })).id;
  const depots = {
    ploemeur: (await api<{ id: number }>('depot-create', depotFields(pontScorff, { name: 'Ploemeur', weekday: 2, capacity: null }))).id,
    riantec: (await api<{ id: number }>('depot-create', depotFields(riantec, { name: 'Riantec', city: 'Riantec', weekday: 2, capacity: null }))).id,
  };
  for (const [code, depot, colour] of [['PS-MAR', depots.ploemeur, '#2f9e44'], ['RI-MAR', depots.riantec, '#e8590c']] as const) {
    const round = await api<{ id: number }>('round-create', { code, name: code === 'PS-MAR' ? 'Pont-Scorff – mardi' : 'Riantec – mardi', weekday: 2, colour });
    await api('round-set-depots', { id: round.id, depotIds: [depot] });
  }
  const formula = (await api<{ id: number }>('formula-create', formulaFields({ priceFrom: addDays(thisMonday, -60) }))).id;
  for (const [i, [firstName, lastName, depot]] of PEOPLE.entries()) {
    const subscriber = await api<{ id: number }>('subscriber-create', subscriberFields({ firstName, lastName, email: `adherent${i + 1}@example.fr`, phone: `06 00 00 00 0${i + 1}` }));
    await api('subscription-create', subscriptionFields(subscriber.id, formula, depots[depot], { startDate: addDays(thisMonday, -21) }));
  }
});

afterAll(() => closeE2e({ dataDir, harness, browser }));

describe('the Semaine screen in Chromium, through the web harness', () => {
  it('previews and saves a closure, cancels a basket, prints the sheets, validates a week and corrects a record', async () => {
    const { page } = browser;
    await page.goto(harness.url);
    await page.getByRole('banner').getByText('semaine.paniers').waitFor();
    await goTo(page, 'Semaine');
    await page.getByRole('heading', { name: weekLabel(today) }).waitFor();
    await page.getByRole('table', { name: 'Totaux de la semaine' }).waitFor();
    await shot(page, 'week-00-cette-semaine');

    // A closure of the Riantec depot in two weeks: the preview comes before saving.
    await page.getByRole('tab', { name: 'Fermetures' }).click();
    await page.getByText('Aucune fermeture').waitFor();
    await page.getByRole('button', { name: 'Nouvelle fermeture' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle fermeture' });
    await dialog.getByText('Un dépôt', { exact: true }).click();
    await dialog.getByPlaceholder('Choisissez le dépôt').click();
    await page.getByRole('option', { name: 'Riantec (Riantec)' }).click();
    await dialog.getByLabel('Du').fill(laterMonday);
    await dialog.getByLabel('Au').fill(addDays(laterMonday, 6));
    await dialog.getByLabel('Libellé').fill('Travaux à la halle de Riantec');
    await dialog.getByLabel('Libellé').press('Enter');
    const preview = dialog.getByLabel('Aperçu de la fermeture');
    await preview.waitFor();
    await expect(preview.innerText()).resolves.toMatch(/PANIERS RETIRÉS\s+2\s+NON FACTURÉ\s+21,00\s€\s+ADHÉRENTS\s+2\s+DÉPÔTS\s+1/);
    await expect(preview.getByRole('table', { name: 'Adhérents concernés' }).innerText()).resolves.toContain('adherent5@example.fr');
    expect(await api('closure-list')).toEqual([]);
    await shot(page, 'week-10-fermeture-apercu');
    await dialog.getByRole('button', { name: 'Enregistrer la fermeture' }).click();
    const saved = page.getByRole('dialog', { name: 'Fermeture enregistrée' });
    await saved.getByText('2 paniers retirés, 2 adhérents concernés').waitFor();
    const csvDownload = page.waitForEvent('download');
    await saved.getByRole('button', { name: 'Exporter les adhérents concernés' }).click();
    const csv = await readFile((await (await csvDownload).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeffNom;E-mail;Téléphone;Paniers retirés');
    expect(csv).toContain('Élodie Guégan;adherent5@example.fr;06 00 00 00 05;1');
    await shot(page, 'week-11-fermeture-enregistree');
    await saved.getByRole('button', { name: 'Fermer' }).click();
    await page.getByRole('table', { name: 'Fermetures à venir' }).getByText('Travaux à la halle de Riantec').waitFor();
    await shot(page, 'week-12-fermetures');

    // The same week on the plan: Riantec's baskets greyed with the closure's label.
    await page.getByRole('tab', { name: 'Livraisons' }).click();
    await showWeekOf(page, laterTuesday);
    const riantecList = page.getByRole('region', { name: 'Dépôt Riantec' });
    await riantecList.getByText('Travaux à la halle de Riantec').first().waitFor();

    // Bernard is away that Tuesday: from his page (the subscriber screen's « Absent du … au … »).
    await page.getByRole('button', { name: 'Bernard Le Floch' }).click();
    await page.getByRole('button', { name: 'Absent du … au …' }).click();
    const absence = page.getByRole('dialog', { name: 'Signaler une absence' });
    await absence.getByLabel('Absent du').fill(laterTuesday);
    await absence.getByLabel('Au (inclus)').fill(laterTuesday);
    await absence.getByLabel('Motif').fill('Vacances');
    await absence.getByRole('button', { name: 'Annuler les paniers' }).click();
    await absence.waitFor({ state: 'hidden' });

    // Back on Semaine, the app remembers the week it showed.
    await goTo(page, 'Semaine');
    await page.getByRole('heading', { name: weekLabel(laterTuesday) }).waitFor();
    const ploemeur = page.getByRole('table', { name: /^Paniers de Ploemeur/ });
    await ploemeur.getByRole('row', { name: /Bernard Le Floch/ }).getByText('Vacances').waitFor();
    const totals = page.getByRole('table', { name: 'Totaux de la semaine' });
    await expect(totals.getByRole('row', { name: /Total de la semaine/ }).innerText()).resolves.toMatch(/\b3\s+3$/);
    await page.getByText('Non comptés : 1 annulé, 2 fermés (fermeture).').waitFor();
    await shot(page, 'week-20-semaine-avec-fermeture-et-absence');
    await page.getByRole('heading', { name: /^Mardi/ }).scrollIntoViewIfNeeded();
    await shot(page, 'week-21-mardi-avec-fermeture-et-absence');

    // Print the whole week's sheets: one PDF, downloaded.
    await page.getByRole('button', { name: 'Imprimer les feuilles', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Toute la semaine' }).click();
    const ready = page.getByRole('dialog', { name: 'Feuilles de livraison prêtes' });
    await ready.getByText(/feuilles-de-livraison_.*\.pdf/).waitFor();
    await shot(page, 'week-30-feuilles-pretes');
    const pdfDownload = page.waitForEvent('download');
    await ready.getByRole('button', { name: 'Télécharger' }).click();
    const download = await pdfDownload;
    expect(download.suggestedFilename()).toBe(`feuilles-de-livraison_${laterMonday}_${addDays(laterMonday, 6)}.pdf`);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await ready.getByRole('button', { name: 'Fermer' }).click();

    // Last week is over and still open: the banner says so; validate the week.
    await page.getByRole('button', { name: 'Cette semaine' }).click();
    // Three past Tuesdays since the subscriptions started; this week's shows « À valider » on the plan.
    const banner = page.getByRole('alert').filter({ hasText: '3 journées passées ne sont pas validées' });
    await banner.waitFor();
    const lastTuesdayLink = banner.getByRole('button', { name: new RegExp(`^${capitalise(dayLabel(lastTuesday))} `) });
    await shot(page, 'week-40-journees-a-valider');
    await lastTuesdayLink.click();
    await page.getByRole('heading', { name: weekLabel(lastTuesday) }).waitFor();
    await page.getByRole('button', { name: 'Valider la semaine' }).click();
    const confirm = page.getByRole('dialog', { name: 'Valider la semaine' });
    await confirm.getByText(/6 paniers prévus deviennent des livraisons/).waitFor();
    await shot(page, 'week-41-valider-la-semaine');
    await confirm.getByRole('button', { name: 'Valider' }).click();
    await page.getByText('Journée validée').waitFor();
    const records = page.getByRole('table', { name: 'Livraisons enregistrées de Ploemeur' });
    await expect(records.getByText('Livré', { exact: true }).count()).resolves.toBe(4);
    expect(await api('delivery-records', { day: lastTuesday })).toHaveLength(6);

    // A basket left at the depot: « Non retiré », with a reason and who corrected it.
    await records.getByRole('button', { name: 'Corriger la livraison de Chantal Jégo' }).click();
    await page.getByRole('menuitem', { name: 'Marquer « Non retiré »' }).click();
    const correction = page.getByRole('dialog', { name: 'Marquer « Non retiré »' });
    await correction.getByLabel('Corrigé par').fill('Marie');
    await correction.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await correction.getByText('Indiquez la raison de la correction.').waitFor();
    await correction.getByLabel('Raison').fill('Panier resté au dépôt');
    await correction.getByLabel('Raison').press('Enter');
    await records.getByText(/par Marie : Livré → Non retiré \(Panier resté au dépôt\)/).waitFor();
    // Validated, last Tuesday leaves the list of open days (the banner lists those of other weeks).
    await page.getByRole('alert').filter({ hasText: '3 journées passées ne sont pas validées' }).waitFor();
    await page.getByRole('alert').getByRole('button', { name: new RegExp(`^${capitalise(dayLabel(lastTuesday))} `) }).waitFor({ state: 'detached' });
    await shot(page, 'week-42-semaine-validee-corrigee');

    expect(browser.problems).toEqual([]);
  });

  it('shows a real week of the demo database, with hundreds of baskets', async () => {
    const demoDir = await mkdtemp(path.join(os.tmpdir(), 'paniers-e2e-week-demo-'));
    const demo = await startHarnessProcess(['--demo', '--data-dir', demoDir]);
    try {
      const { page } = browser;
      await page.goto(demo.url);
      await goTo(page, 'Semaine');
      const totals = page.getByRole('table', { name: 'Totaux de la semaine' });
      await totals.waitFor({ timeout: 60_000 });
      const total = Number((await totals.getByRole('row', { name: /Total de la semaine/ }).locator('td').last().innerText()).replace(/\s/g, ''));
      expect(total).toBeGreaterThan(100);
      await shot(page, 'week-50-demo-semaine');
      // Next week: nothing validated yet, the plan with its depots.
      await page.getByRole('button', { name: 'Semaine suivante' }).click();
      await page.getByRole('heading', { name: weekLabel(addDays(thisMonday, 7)) }).waitFor();
      await totals.waitFor();
      await page.getByRole('heading', { level: 2, name: /^Mardi/ }).scrollIntoViewIfNeeded();
      await shot(page, 'week-51-demo-semaine-prochaine-depots');
      await page.getByRole('tab', { name: 'Fermetures' }).click();
      await page.getByRole('button', { name: 'Nouvelle fermeture' }).waitFor();
      await shot(page, 'week-52-demo-fermetures');
      expect(browser.problems).toEqual([]);
    } finally {
      await demo.stop();
      await rm(demoDir, { recursive: true, force: true });
    }
  });
});
