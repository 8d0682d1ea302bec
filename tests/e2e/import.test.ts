import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, formatDateShortFr, type IsoDate } from '../../core/dates/dates';
import { type HarnessProcess } from '../support/harness';
import { csvBytes } from '../support/spreadsheets';
import type { Browser } from './browser';
import { closeE2e, openE2e } from './session';
import { callApi, goTo, screenshot } from './ui';

let dataDir: string;
let harness: HarnessProcess;
let browser: Browser;

const api = <T = Record<string, unknown>>(method: string, input: unknown = {}) => callApi<T>(harness.url, method, input);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date()) as IsoDate;
// The letter's cut-over is the 10th; last month's, so it is always in the past.
const cutover = `${addMonths(today, -1).slice(0, 8)}10` as IsoDate;

const HEADER = ['N° adhérent', 'Civilité', 'Nom', 'Prénom', 'Adresse', 'CP', 'Ville', 'Tél', 'Mail', 'Solde'];
const anne = ['101', 'Mme', 'Le Goff', 'Anne', '3 rue des Lilas', '56620', 'Pont-Scorff', '02 97 32 10 10', 'anne.legoff@example.fr', '30,00'];
const ewen = ['102', 'M.', 'Morvan', 'Ewen', '8 route de Lorient', '56680', 'Riantec', '', 'ewen.morvan@example.fr', '-12,50'];
const yann = ['103', 'M.', 'Tanguy', 'Yann', '1 place de l’Église', '56680', 'Riantec', '06 11 22 33 44', '', ''];
// Two bad lines, as the office's spreadsheet had them: a postcode of four digits, a balance in words.
const badEwen = ewen.map((cell, i) => (i === 5 ? '5668' : cell));
const badYann = yann.map((cell, i) => (i === 9 ? 'douze euros' : cell));

/** The office's Excel export: Windows-1252, `;`, decimal commas. */
const csv = (rows: string[][]) => ({ name: 'adherents.csv', mimeType: 'text/csv', buffer: Buffer.from(csvBytes([HEADER, ...rows], { encoding: 'windows-1252' })) });

/** Scrolls an element to the top of the view, for a screenshot of what follows it (tests have no DOM types). */
const toTop = (element: unknown) => (element as { scrollIntoView(options: { block: string }): void }).scrollIntoView({ block: 'start' });

beforeAll(async () => {
  ({ dataDir, harness, browser } = await openE2e('import', (dir) => ['--db', path.join(dir, 'reprise.paniers'), '--create', '--data-dir', dir]));
  await api('organisation-update', {
    ...(await api('organisation-get')),
    legalName: 'Jardin de Cocagne du Blavet',
    addressLine1: 'Route de Cléguer',
    postcode: '56620',
    city: 'Pont-Scorff',
  });
});

afterAll(() => closeE2e({ dataDir, harness, browser }));

describe('moving in: the import assistant in Chromium, through the web harness', () => {
  it('refuses a file with two bad lines, imports the corrected one, and shows each opening balance', async () => {
    const { page } = browser;
    await page.goto(harness.url);
    await page.getByRole('banner').getByText('reprise.paniers').waitFor();
    await goTo(page, 'Paramètres');
    await page.getByRole('tab', { name: 'Importer' }).click();
    await page.getByText('Aucun import pour l’instant', { exact: false }).waitFor();
    await screenshot(page, 'import-00-vide');

    // 1. The file with two bad lines, and the cut-over date.
    await page.getByLabel('Fichier à importer').setInputFiles(csv([anne, badEwen, badYann]));
    await page.getByLabel('Fichier choisi').getByText('3 lignes sous l’en-tête', { exact: false }).waitFor();
    await page.getByLabel('Date de reprise des comptes').fill(formatDateShortFr(cutover));
    await screenshot(page, 'import-01-fichier');

    // 2. The columns, guessed from the French headers.
    await page.getByRole('button', { name: 'Suivant : les colonnes' }).click();
    const columns = page.getByRole('table', { name: 'Correspondance des colonnes' });
    await expect(columns.getByLabel('Colonne pour « Code postal »').inputValue()).resolves.toBe('CP');
    await expect(columns.getByLabel('Colonne pour « Solde »').inputValue()).resolves.toBe('Solde');
    await columns.scrollIntoViewIfNeeded();
    await screenshot(page, 'import-02-colonnes');

    // 3. The preview lists both problems with their line and column; nothing is imported.
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    const problems = page.getByRole('table', { name: 'Problèmes du fichier' });
    await problems.waitFor();
    await expect(problems.getByRole('row').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Ligne\s+Colonne\s+Problème$/),
      expect.stringMatching(/^3\s+CP\s+.*5 chiffres/),
      expect.stringMatching(/^4\s+Solde\s+.*« douze euros » n’est pas un montant/),
    ]);
    await expect(page.getByRole('button', { name: 'Importer 3 lignes' }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Ce que l’import fera').evaluate(toTop);
    await screenshot(page, 'import-03-problemes');
    await expect(api<{ total: number }>('subscriber-list', { limit: 10, offset: 0 })).resolves.toMatchObject({ total: 0 });

    // 4. The corrected file, chosen again: no problem, the totals to compare with the old software.
    await page.getByLabel('Fichier corrigé').setInputFiles(csv([anne, ewen, yann]));
    await page.getByText('Aucun problème', { exact: true }).waitFor();
    const balances = page.getByLabel('Soldes à la reprise');
    await expect(balances.innerText()).resolves.toMatch(/30,00\s€[\s\S]*12,50\s€[\s\S]*17,50\s€/);
    await page.getByLabel('Ce que l’import fera').evaluate(toTop);
    await screenshot(page, 'import-04-verification');

    // 5. The import, its report and the history.
    await page.getByRole('button', { name: 'Importer 3 lignes' }).click();
    await page.getByText('Import n° 1 terminé').waitFor();
    await page.getByRole('table', { name: 'Imports' }).getByText('adherents.csv').waitFor();
    await screenshot(page, 'import-05-termine');
    const reportCsv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Rapport (CSV)', exact: true }).click();
    const report = await readFile((await (await reportCsv).path())!, 'utf8');
    expect(report).toContain('Le Goff');
    await page.getByRole('button', { name: 'Rapport (PDF)', exact: true }).click();
    const ready = page.getByRole('dialog', { name: 'Rapport d’import prêt' });
    await ready.getByText('rapport-import-1_', { exact: false }).waitFor();
    await screenshot(page, 'import-06-rapport-pdf');
    await ready.getByRole('button', { name: 'Fermer' }).click();

    // 6. The subscribers and their opening balances.
    await page.getByRole('button', { name: 'Voir les adhérents' }).click();
    await page.getByRole('heading', { level: 1, name: 'Adhérents' }).waitFor();
    await page.getByRole('row', { name: /Ouvrir la fiche de LE GOFF Anne/ }).waitFor();
    await screenshot(page, 'import-07-adherents');
    await page.getByRole('row', { name: /Ouvrir la fiche de LE GOFF Anne/ }).click();
    const account = page.getByRole('region', { name: 'Compte' });
    await account.getByText('En sa faveur : 30,00 €').waitFor();
    await account.getByRole('table', { name: 'Écritures du compte' }).getByText(formatDateShortFr(cutover)).waitFor();
    await screenshot(page, 'import-08-fiche-anne');

    // The subscriber's own data (RGPD): a zip saved from their page.
    const zip = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter ses données (RGPD)' }).click();
    const download = await zip;
    expect(download.suggestedFilename()).toMatch(/^donnees-.*\.zip$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

    await page.getByRole('link', { name: 'Adhérents' }).or(page.getByRole('button', { name: 'Adhérents', exact: true })).first().click();
    await page.getByLabel('Rechercher un adhérent').fill('morvan');
    await page.getByRole('row', { name: /Ouvrir la fiche de MORVAN Ewen/ }).click();
    await page.getByRole('region', { name: 'Compte' }).getByText('Doit 12,50 €').waitFor();
    await screenshot(page, 'import-09-fiche-ewen');
    expect(browser.problems).toEqual([]);
  });
});
