import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFromArgv, defaultDatabasePath, readLastDatabase, rememberLastDatabase } from '../../../electron/app-paths';
import { safePdfName } from '../../../electron/dialogs';

describe('where the database lives', () => {
  it('suggests Documents/Paniers/paniers.paniers first', () => {
    expect(defaultDatabasePath('/home/marie/Documents')).toBe(path.join('/home/marie/Documents', 'Paniers', 'paniers.paniers'));
  });

  it('remembers the last database, and treats missing or broken settings as a first run', async () => {
    const userData = await mkdtemp(path.join(tmpdir(), 'paniers-paths-'));
    expect(await readLastDatabase(userData)).toBeNull();
    await rememberLastDatabase(userData, '/srv/jardin.paniers');
    expect(await readLastDatabase(userData)).toBe(path.resolve('/srv/jardin.paniers'));
    await writeFile(path.join(userData, 'paniers-desktop.json'), '{ pas du json');
    expect(await readLastDatabase(userData)).toBeNull();
    await writeFile(path.join(userData, 'paniers-desktop.json'), JSON.stringify({ lastDatabase: 'relatif.paniers' }));
    expect(await readLastDatabase(userData)).toBeNull();
    await rememberLastDatabase(userData, '/srv/autre.paniers');
    expect(JSON.parse(await readFile(path.join(userData, 'paniers-desktop.json'), 'utf8'))).toEqual({ lastDatabase: path.resolve('/srv/autre.paniers') });
  });

  it('takes a .paniers file from the command line, ignoring flags and other arguments', () => {
    expect(databaseFromArgv(['electron', '.', '--inspect', 'base.PANIERS'], '/home/marie')).toBe(path.resolve('/home/marie', 'base.PANIERS'));
    expect(databaseFromArgv(['Paniers.exe', '--flag=x.paniers'], '/')).toBeNull();
    expect(databaseFromArgv(['Paniers.exe'], '/')).toBeNull();
  });
});

describe('PDF file names suggested by the page', () => {
  it.each([
    ['Facture 2026-0001', 'Facture 2026-0001.pdf'],
    ['Facture 2026/0001.pdf', 'Facture 2026 0001.pdf'],
    ['../../etc/passwd', 'etc passwd.pdf'],
    ['..\\..\\Windows\\evil.exe', 'Windows evil.exe.pdf'],
    ['C:\\x', 'C x.pdf'],
    ['', 'document.pdf'],
    ['\u0000\u0007', 'document.pdf'],
    ['Relevé « Pont-Scorff » ?', 'Relevé « Pont-Scorff ».pdf'],
  ])('%j becomes %j', (suggested, expected) => {
    expect(safePdfName(suggested)).toBe(expected);
  });

  it('never exceeds a sane length', () => {
    expect(safePdfName('a'.repeat(1000)).length).toBeLessThanOrEqual(124);
  });
});
