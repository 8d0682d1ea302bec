import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENS } from '../../renderer/shell/screens';
import { startHarnessProcess, type HarnessProcess } from '../support/harness';
import { launchBrowser, type Browser } from './browser';
import { callApi, screenshot, SCREENS_DIR } from './ui';

const GOOD = {
  legalName: 'Jardin de Cocagne du Blavet',
  siret: '73282932000074',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  bic: 'AGRIFRPP882',
  ics: 'FR72ZZZ123456',
};
const BAD_IBAN = 'FR76 3000 6000 0112 3456 7890 188';

let dataDir: string;
let harness: HarnessProcess;
let browser: Browser;

const api = <T = Record<string, unknown>>(method: string, input: unknown = {}) => callApi<T>(harness.url, method, input);
const shot = (page: Page, name: string) => screenshot(page, name);

function field(page: Page, label: string) {
  return page.getByLabel(label, { exact: false }).and(page.locator('input'));
}

async function goTo(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('button', { name: label, exact: true }).click();
  await page.getByRole('button', { name: label, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'paniers-e2e-'));
  await mkdir(SCREENS_DIR, { recursive: true });
  harness = await startHarnessProcess(['--data-dir', dataDir]);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await harness?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('first run in the browser, through the web harness', () => {
  it('creates a database, refuses a bad IBAN, saves good settings, and finds them after a restart', async () => {
    const { page } = browser;
    await page.goto(harness.url);

    // First run: nothing open yet.
    await page.getByText('Bienvenue dans Paniers').waitFor();
    for (const choice of ['Créer une nouvelle base', 'Ouvrir une base existante', 'Découvrir avec la base de démonstration']) {
      await expect(page.getByText(choice, { exact: true }).isVisible()).resolves.toBe(true);
    }
    await shot(page, '00-premier-lancement');

    await page.getByText('Créer une nouvelle base', { exact: true }).click();
    await page.getByLabel('Nom du fichier').fill('jardin');
    await shot(page, '01-creer-une-base');
    await page.getByRole('button', { name: 'Créer la base' }).click();
    const header = page.getByRole('banner');
    await header.getByText('jardin.paniers').waitFor();

    // Every destination of the navigation, one screenshot each.
    for (const [index, screen] of SCREENS.entries()) {
      await goTo(page, screen.label);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await shot(page, `${String(index + 10)}-${screen.id}`);
    }

    // Paramètres → Organisation with a bad IBAN: the error is on the IBAN field, nothing is saved.
    await goTo(page, 'Paramètres');
    await page.getByRole('tab', { name: 'Organisation' }).click();
    await field(page, 'Nom de l’association').fill(GOOD.legalName);
    await field(page, 'SIRET').fill(GOOD.siret);
    await field(page, 'IBAN').fill(BAD_IBAN);
    await field(page, 'BIC').fill(GOOD.bic);
    await field(page, 'Identifiant créancier SEPA (ICS)').fill(GOOD.ics);
    await page.getByRole('button', { name: /Enregistrer/ }).click();
    await expect.poll(() => field(page, 'IBAN').getAttribute('aria-invalid')).toBe('true');
    // The message is tied to the field (aria-describedby), as a screen reader would announce it.
    const describedBy = ((await field(page, 'IBAN').getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const descriptions = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(descriptions.join(' ')).toContain('IBAN invalide');
    expect(await field(page, 'BIC').getAttribute('aria-invalid')).not.toBe('true');
    await shot(page, '30-organisation-iban-invalide');
    expect(await api('organisation-get')).toMatchObject({ legalName: '', iban: '' });
    expect((await api('app-status')).lastSavedAt).toBeNull();

    // The good IBAN: saved, and the header says when.
    await field(page, 'IBAN').fill(GOOD.iban);
    await page.keyboard.press('Control+s');
    await page.getByText('Paramètres enregistrés').waitFor();
    await header.getByText(/^Enregistré à \d\d:\d\d$/).waitFor();
    await expect.poll(() => page.getByText('Paramètres non enregistrés').count()).toBe(0);
    await shot(page, '31-organisation-enregistree');
    expect(await api('organisation-get')).toMatchObject({ legalName: GOOD.legalName, iban: 'FR7630006000011234567890189', bic: GOOD.bic, sepaCreditorId: GOOD.ics, siret: GOOD.siret });

    // Restart the harness on the same file: the settings are still there, and the lock was released.
    expect(await harness.stop()).toBe(0);
    harness = await startHarnessProcess(['--db', path.join(dataDir, 'jardin.paniers'), '--data-dir', dataDir]);
    expect(await api('app-status')).toMatchObject({ readOnly: false, organisationName: GOOD.legalName, isConfigured: true });
    await page.goto(harness.url);
    await header.getByText('jardin.paniers').waitFor();
    await goTo(page, 'Paramètres');
    await expect.poll(() => field(page, 'Nom de l’association').inputValue()).toBe(GOOD.legalName);
    expect(await field(page, 'IBAN').inputValue()).toBe(GOOD.iban);
    expect(await field(page, 'BIC').inputValue()).toBe(GOOD.bic);
    expect(await field(page, 'Identifiant créancier SEPA (ICS)').inputValue()).toBe(GOOD.ics);
    expect(await field(page, 'SIRET').inputValue()).toBe(GOOD.siret);

    // The help window, for the record.
    await page.keyboard.press('F1');
    await page.getByRole('dialog', { name: 'Aide : raccourcis clavier' }).waitFor();
    await shot(page, '40-aide');

    // No CSP violation, no failed request, no uncaught error in the page.
    expect(browser.problems).toEqual([]);
  });
});
