import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateFr, formatDateShortFr, fromLocalDate, isoWeekday, type IsoDate } from '../../core/dates/dates';
import type { Subscription } from '../../core/subscriptions/subscriptions';
import { startHarnessProcess, type HarnessProcess } from '../support/harness';
import type { Browser } from './browser';
import { closeE2e, openE2e } from './session';
import { callApi, closedDialog, dialog, field, goTo, screenshot } from './ui';

let dataDir: string;
let harness: HarnessProcess;
let browser: Browser;

const api = <T = unknown>(method: string, input: unknown = {}) => callApi<T>(harness.url, method, input);
const shot = (page: Page, name: string) => screenshot(page, `adherents-${name}`);

async function choose(page: Page, scope: Page | Locator, label: string, option: string | RegExp): Promise<void> {
  await field(scope, label).click();
  await page.getByRole('option', { name: option }).first().click();
}

const closed = (page: Page, name: string) => closedDialog(page, name, `adherents-echec-${name}`);

/** The next Tuesday after `day` (the depots below deliver on Tuesdays). */
function nextTuesday(day: IsoDate): IsoDate {
  return addDays(day, ((2 - isoWeekday(day) + 7) % 7) || 7);
}

const long = (day: IsoDate) => formatDateFr(day, 'd MMMM yyyy');

beforeAll(async () => {
  ({ dataDir, harness, browser } = await openE2e('subscribers', (dir) => ['--db', path.join(dir, 'jardin.paniers'), '--create']));
});

afterAll(() => closeE2e({ dataDir, harness, browser }));

describe('subscribers and subscriptions in the browser, through the web harness', () => {
  it('creates a subscriber with a SEPA mandate and a subscription, changes the depot for two weeks, ends it, and finds the history after a restart', async () => {
    const { page } = browser;
    const today = fromLocalDate(new Date());
    const start = nextTuesday(today);
    const awayFrom = addDays(start, 14);
    const awayTo = addDays(start, 27);
    const end = addDays(start, 56);
    await page.goto(harness.url);
    await page.getByRole('banner').getByText('jardin.paniers').waitFor();

    // The catalogue, through the colleagues' screens: a garden, two depots, a formula.
    await goTo(page, 'Dépôts & tournées');
    await page.getByRole('tab', { name: 'Jardins' }).click();
    await page.getByRole('button', { name: 'Nouveau jardin' }).click();
    let modal = await dialog(page, 'Nouveau jardin');
    await field(modal, 'Nom du jardin').fill('Pont-Scorff');
    await field(modal, 'Nom du jardin').press('Enter');
    await closed(page, 'Nouveau jardin');
    await page.getByRole('tab', { name: 'Dépôts', exact: true }).click();
    for (const name of ['Quéven', 'Guidel']) {
      await page.getByRole('button', { name: 'Nouveau dépôt' }).click();
      modal = await dialog(page, 'Nouveau dépôt');
      await field(modal, 'Nom du dépôt').fill(name);
      await choose(page, modal, 'Jour de livraison', 'Mardi');
      await modal.getByRole('button', { name: 'Créer le dépôt' }).click();
      await closed(page, 'Nouveau dépôt');
      await page.getByRole('table', { name: 'Dépôts' }).getByText(name, { exact: true }).waitFor();
    }
    await goTo(page, 'Paramètres');
    await page.getByRole('tab', { name: 'Formules' }).click();
    await page.getByRole('button', { name: 'Nouvelle formule' }).click();
    modal = await dialog(page, 'Nouvelle formule');
    await field(modal, 'Nom de la formule').fill('Petit panier');
    await field(modal, 'Code').fill('PETIT');
    await field(modal, 'Prix par livraison').fill('10,50');
    await field(modal, 'Prix applicable à partir du').fill('01/01/2026');
    await modal.getByRole('button', { name: 'Créer la formule' }).click();
    await closed(page, 'Nouvelle formule');

    // A subscriber paying by SEPA: the missing signature date is refused on its field, nothing saved.
    await goTo(page, 'Adhérents');
    await page.getByText('Aucun adhérent pour l’instant').waitFor();
    await page.getByRole('button', { name: 'Nouvel adhérent' }).click();
    const drawer = await dialog(page, 'Nouvel adhérent');
    await choose(page, drawer, 'Civilité', 'Mme');
    await field(drawer, 'Prénom').fill('Maëlle');
    await drawer.getByRole('textbox', { name: /^Nom( \*)?$/ }).fill('Le Guennec');
    await drawer.getByRole('textbox', { name: /^Adresse( \*)?$/ }).fill('4 rue des Camélias');
    await field(drawer, 'Code postal').fill('56530');
    await field(drawer, 'Ville').fill('Quéven');
    await drawer.getByRole('textbox', { name: /^Téléphone( \*)?$/ }).fill('06 11 22 33 44');
    await field(drawer, 'E-mail').fill('maelle.leguennec@example.fr');
    await field(drawer, 'IBAN').fill('fr76 3000 6000 0112 3456 7890 189');
    await drawer.getByRole('button', { name: /Enregistrer/ }).click();
    await expect.poll(() => field(drawer, 'Date de signature du mandat').getAttribute('aria-invalid')).toBe('true');
    await drawer.getByText('Indiquez la date de signature du mandat SEPA.').waitFor();
    await shot(page, '01-fiche-erreur');
    expect(await api<{ total: number }>('subscriber-list')).toMatchObject({ total: 0 });
    await field(drawer, 'Date de signature du mandat').fill('20/11/2026');
    await field(drawer, 'Prénom').press('Enter');
    await closed(page, 'Nouvel adhérent');

    // The subscriber's page: RUM generated, IBAN grouped by four.
    await page.getByRole('heading', { level: 1, name: 'Mme Maëlle Le Guennec' }).waitFor();
    await page.getByText('FR76 3000 6000 0112 3456 7890 189').waitFor();
    await page.getByText(/^PAN-\d{6}$/).waitFor();

    // A subscription at Quéven from next Tuesday.
    await page.getByRole('button', { name: 'Nouvel abonnement' }).click();
    modal = await dialog(page, 'Nouvel abonnement');
    await choose(page, modal, 'Formule', 'Petit panier');
    await choose(page, modal, 'Dépôt', /^Quéven/);
    await field(modal, 'Date de début').fill(formatDateShortFr(start));
    await shot(page, '02-nouvel-abonnement');
    await modal.getByRole('button', { name: 'Créer l’abonnement' }).click();
    await closed(page, 'Nouvel abonnement');
    const card = page.getByRole('region', { name: 'Abonnement Petit panier' });
    await card.getByText(`Début le ${long(start)}`).waitFor();

    // Guidel for two weeks instead of Quéven.
    await card.getByRole('button', { name: 'Changement temporaire' }).click();
    modal = await dialog(page, 'Changement temporaire');
    await modal.getByRole('textbox', { name: /^Du( \*)?$/ }).fill(formatDateShortFr(awayFrom));
    await field(modal, 'Au (inclus)').fill(formatDateShortFr(awayTo));
    await choose(page, modal, 'Dépôt pendant la période', /^Guidel/);
    await field(modal, 'Motif').fill('Vacances chez sa fille');
    await shot(page, '03-changement-temporaire');
    await field(modal, 'Motif').press('Enter');
    await closed(page, 'Changement temporaire');
    await card.getByText(`Changement temporaire du ${long(awayFrom)} au ${long(awayTo)}`).waitFor();
    const upcoming = page.getByRole('table', { name: 'Livraisons des 8 prochaines semaines' });
    await expect.poll(() => upcoming.getByText('temporaire').count()).toBe(2);

    // The end of the subscription, with its reason.
    await card.getByRole('button', { name: 'Terminer' }).click();
    modal = await dialog(page, 'Terminer l’abonnement');
    await field(modal, 'Dernier jour de l’abonnement').fill(formatDateShortFr(end));
    await field(modal, 'Motif de fin').fill('Déménagement à Rennes');
    await shot(page, '04-terminer');
    await modal.getByRole('button', { name: 'Terminer l’abonnement' }).click();
    await closed(page, 'Terminer l’abonnement');
    await card.getByText(`Fin prévue le ${long(end)}`).waitFor();
    await shot(page, '05-fiche');

    const [saved] = await api<Subscription[]>('subscription-list-for-subscriber', { subscriberId: 1 });
    expect(saved).toMatchObject({
      startDate: start,
      endDate: end,
      endReason: 'Déménagement à Rennes',
      temporaryChanges: [expect.objectContaining({ fromDate: awayFrom, toDate: awayTo, depotName: 'Guidel', reason: 'Vacances chez sa fille' })],
    });

    // Restart on the same file: the list finds her, her page tells the whole story.
    expect(await harness.stop()).toBe(0);
    harness = await startHarnessProcess(['--db', path.join(dataDir, 'jardin.paniers')]);
    await page.goto(harness.url);
    await goTo(page, 'Adhérents');
    await page.getByLabel('Rechercher un adhérent').fill('guennec');
    await page.getByRole('row', { name: 'Ouvrir la fiche de LE GUENNEC Maëlle' }).click();
    const history = page.getByRole('region', { name: 'Abonnement Petit panier' });
    for (const line of [
      `Début le ${long(start)}`,
      'Petit panier, Quéven, chaque semaine, 1 panier',
      `Changement temporaire du ${long(awayFrom)} au ${long(awayTo)}`,
      'Dépôt Guidel pendant la période — motif : Vacances chez sa fille',
      `Fin prévue le ${long(end)}`,
      'Motif : Déménagement à Rennes',
    ]) {
      await history.getByText(line, { exact: true }).waitFor();
    }
    await page.getByText(/^PAN-\d{6}$/).waitFor();

    expect(browser.problems).toEqual([]);
  });

  it('shows the demonstration database: the long list, a subscriber’s page, each dialog, the Abonnements screen', async () => {
    const { page } = browser;
    expect(await harness.stop()).toBe(0);
    harness = await startHarnessProcess(['--demo', '--data-dir', dataDir]);
    await page.goto(harness.url);
    await goTo(page, 'Adhérents');
    await page.getByText(/^\d[\d\u202f\u00a0 ]* adhérents$/).waitFor();
    await page.getByRole('button', { name: 'Page suivante' }).waitFor();
    await shot(page, '10-demo-liste');
    await page.getByLabel('Rechercher un adhérent').fill('le');
    await page.getByText(/adhérents? trouvés?$/).waitFor();
    await shot(page, '11-demo-recherche');
    await page.getByLabel('Rechercher un adhérent').fill('');

    // The first active subscriber's page.
    const { rows } = await api<{ rows: { id: number; lastName: string }[] }>('subscriber-list', { status: 'active', limit: 1 });
    await page.getByRole('combobox', { name: 'Statut' }).click();
    await page.getByRole('option', { name: 'Actif', exact: true }).click();
    await page.getByRole('row', { name: new RegExp(`^Ouvrir la fiche de ${rows[0]!.lastName.toUpperCase()}`) }).first().click();
    await page.getByRole('region', { name: 'Prochaines livraisons' }).waitFor();
    await page.getByRole('table', { name: 'Livraisons des 8 prochaines semaines' }).waitFor();
    await shot(page, '12-demo-fiche');

    const card = page.getByRole('region', { name: /^Abonnement / }).first();
    for (const [button, title, name] of [
      ['Changement définitif', 'Changement définitif', '13-demo-changement-definitif'],
      ['Changement temporaire', 'Changement temporaire', '14-demo-changement-temporaire'],
      ['Terminer', 'Terminer l’abonnement', '15-demo-terminer'],
    ] as const) {
      await card.getByRole('button', { name: button }).click();
      await dialog(page, title);
      await shot(page, name);
      await page.keyboard.press('Escape');
      await closed(page, title);
    }
    await page.getByRole('button', { name: 'Absent du … au …' }).click();
    await dialog(page, 'Signaler une absence');
    await shot(page, '16-demo-absence');
    await page.keyboard.press('Escape');
    await closed(page, 'Signaler une absence');
    await page.getByRole('button', { name: 'Nouvel abonnement' }).click();
    await dialog(page, 'Nouvel abonnement');
    await shot(page, '17-demo-nouvel-abonnement');
    await page.keyboard.press('Escape');
    await closed(page, 'Nouvel abonnement');
    await page.getByRole('button', { name: 'Modifier la fiche' }).click();
    await dialog(page, 'Modifier la fiche');
    await shot(page, '18-demo-modifier-fiche');
    await page.keyboard.press('Escape');
    await closed(page, 'Modifier la fiche');

    // Abonnements: the Découverte offers ending soon, renewable from there, then the list.
    await goTo(page, 'Abonnements');
    await page.getByText(/^\d[\d\u202f\u00a0 ]* abonnements?$/).waitFor();
    await shot(page, '20-demo-abonnements');
    const renew = page.getByRole('button', { name: /^Renouveler l’offre de / }).first();
    if ((await renew.count()) > 0) {
      await renew.click();
      await dialog(page, 'Renouveler l’offre Découverte');
      await shot(page, '21-demo-renouveler');
      await page.keyboard.press('Escape');
    }

    expect(browser.problems).toEqual([]);
  });
});
