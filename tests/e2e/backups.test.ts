import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../../electron/session';
import { validOrganisation } from '../support/organisation';
import { startHarnessProcess, type HarnessProcess } from '../support/harness';
import type { Browser } from './browser';
import { closeE2e, openE2e } from './session';
import { callApi, goTo, screenshot } from './ui';

let dataDir: string;
let harness: HarnessProcess;
let browser: Browser;

const api = <T = Record<string, unknown>>(method: string, input: unknown = {}) => callApi<T>(harness.url, method, input);

beforeAll(async () => {
  ({ dataDir, harness, browser } = await openE2e('backups', (dir) => ['--db', path.join(dir, 'jardin.paniers'), '--create']));
});

afterAll(() => closeE2e({ dataDir, harness, browser }));

describe('backups in the browser, through the web harness', () => {
  it('takes a backup on demand, then restores it after a change, keeping the current base aside first', async () => {
    const { page } = browser;
    await api('organisation-update', { ...validOrganisation(), legalName: 'Avant' });
    await page.goto(harness.url);
    await goTo(page, 'Paramètres');
    await page.getByRole('tab', { name: 'Sauvegardes' }).click();
    const list = page.getByRole('table', { name: 'Liste des sauvegardes' });
    await list.getByText('À l’ouverture').waitFor();
    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await list.getByText('Manuelle').waitFor();

    // A change made after the backup, that the restore must undo.
    await api('organisation-update', { ...validOrganisation(), legalName: 'Après' });
    await list.getByRole('row').filter({ hasText: 'Manuelle' }).getByRole('button', { name: 'Restaurer' }).click();
    const confirm = page.getByRole('dialog', { name: 'Restaurer cette sauvegarde ?' });
    await confirm.getByText('mise de côté').waitFor();
    await screenshot(page, 'backups-01-confirmer');
    await confirm.getByRole('button', { name: 'Restaurer' }).click();
    await list.getByText('Avant une restauration').waitFor();
    await screenshot(page, 'backups-02-restauree');

    expect(await api<{ legalName: string }>('organisation-get')).toMatchObject({ legalName: 'Avant' });
    const files = await readdir(path.join(dataDir, 'jardin-sauvegardes'));
    expect(files.some((f) => f.endsWith('-before-restore.paniers'))).toBe(true);
    // The restored base keeps working: a new change is saved as usual.
    await api('organisation-update', { ...validOrganisation(), legalName: 'Encore après' });
    expect(await api<{ legalName: string }>('organisation-get')).toMatchObject({ legalName: 'Encore après' });
    expect(browser.problems).toEqual([]);
  });
});

describe('a base that no longer opens, in the browser', () => {
  it('offers the newest good backup, puts it in place and keeps the damaged file aside', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paniers-e2e-recovery-'));
    const file = path.join(dir, 'asso.paniers');
    const session = await openSession({ file, mode: 'create' });
    await session.backend.call('organisation-update', { ...validOrganisation(), legalName: 'Jardin sauvegardé' });
    await session.backend.call('backup-create', {});
    await session.close();
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2))); // a save cut in half, by another tool

    const server = await startHarnessProcess(['--data-dir', dir]);
    const { page } = browser;
    try {
      await page.goto(server.url);
      await page.getByText('Ouvrir une base existante', { exact: true }).click();
      await page.getByRole('radio', { name: 'asso.paniers' }).check();
      await page.getByRole('dialog', { name: 'Ouvrir une base existante' }).getByRole('button', { name: /Ouvrir/ }).click();
      const offer = page.getByRole('dialog', { name: 'Cette base ne peut pas être ouverte' });
      await offer.getByText('endommagée').waitFor();
      await screenshot(page, 'backups-10-base-refusee');
      await offer.getByRole('button', { name: /Restaurer la sauvegarde du/ }).click();
      await page.getByRole('banner').getByText('asso.paniers').waitFor();
      expect(await callApi<{ legalName: string }>(server.url, 'organisation-get')).toMatchObject({ legalName: 'Jardin sauvegardé' });
      const kept = (await readdir(dir)).filter((name) => name.startsWith('asso-endommage-'));
      expect(kept).toHaveLength(1);
      expect((await readFile(path.join(dir, kept[0]!))).length).toBe(Math.floor(bytes.length / 2));
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
