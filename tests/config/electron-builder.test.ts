import { listPackage } from '@electron/asar';
import { getCurrentFuseWire, FuseV1Options } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import * as esbuild from 'esbuild';
import { execFile } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs build script, no type declarations
import { electronBundles } from '../../scripts/build.mjs';

/**
 * electron-builder.yml, read by electron-builder itself and validated against its schema; then
 * the unpacked app is really built (`--dir`) against a stand-in Electron folder, since the real
 * binary cannot be downloaded here, and we look inside the archive and at the fuses.
 */
const root = process.cwd();
type Config = Awaited<ReturnType<typeof getConfig>>;
let config: Config;

beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.yml', null);
});

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and pins Electron to the installed devDependency', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { devDependencies: Record<string, string>; main: string };
    expect(config.appId).toBe('fr.cocagne.paniers');
    expect(config.productName).toBe('Paniers');
    expect(config.electronVersion).toBe(pkg.devDependencies.electron);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('writes packages to release/, away from the dist/ build output, and packs only dist/ and package.json', () => {
    expect(config.directories?.output).toBe('release');
    expect(config.files).toEqual([{ filter: ['dist/**', 'package.json', '!**/*.map'] }]);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
  });

  it('sets every fuse of the security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('builds a per-user French NSIS installer and a DMG in the business category, with our icon', async () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, language: '1036', installerLanguages: ['fr_FR'] });
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.mac?.category).toBe('public.app-category.business');
    const png = await readFile(config.icon as string);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1024); // width in the IHDR chunk
  });
});

describe('the packaged app (unpacked build against a stand-in Electron)', () => {
  let appDir: string;

  beforeAll(async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'paniers-package-'));
    const project = path.join(work, 'project');
    // A stand-in Electron: a file with the fuse wire where a real binary has it (the sentinel,
    // wire version 1, 8 fuses all enabled), so electron-builder flips it like the real one.
    const fakeElectron = path.join(work, 'electron-dist');
    await mkdir(path.join(fakeElectron, 'resources'), { recursive: true });
    await writeFile(
      path.join(fakeElectron, 'electron'),
      Buffer.concat([Buffer.from('#!/bin/sh\n'), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('11111111')]),
      { mode: 0o755 },
    );
    await writeFile(path.join(fakeElectron, 'LICENSE'), '');
    await writeFile(path.join(fakeElectron, 'LICENSES.chromium.html'), '');

    // The project as `npm run build` leaves it: real bundles, a stand-in renderer page.
    await mkdir(path.join(project, 'dist', 'renderer'), { recursive: true });
    await writeFile(path.join(project, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Paniers</title>');
    for (const options of electronBundles() as esbuild.BuildOptions[]) {
      await esbuild.build({ ...options, outfile: path.join(project, 'dist', 'electron', path.basename(options.outfile!)) });
    }
    await copyFile('node_modules/sql.js/dist/sql-wasm.wasm', path.join(project, 'dist', 'electron', 'sql-wasm.wasm'));
    await writeFile(path.join(project, 'dist', 'electron', 'main.cjs.map'), '{}');
    await copyFile('package.json', path.join(project, 'package.json'));
    await cp('resources', path.join(project, 'resources'), { recursive: true });

    await promisify(execFile)(
      process.execPath,
      [
        path.join(root, 'node_modules/electron-builder/cli.js'),
        '--dir', '--linux', '--x64',
        '--projectDir', project,
        '--config', path.join(root, 'electron-builder.yml'),
        `-c.electronDist=${fakeElectron}`,
      ],
      { cwd: project, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, maxBuffer: 16 * 1024 * 1024 },
    );
    appDir = path.join(project, 'release', 'linux-unpacked');
  }, 120_000);

  it('packs the bundles and package.json only: no node_modules, no source maps', () => {
    const files = listPackage(path.join(appDir, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    expect(files.filter((f) => !f.endsWith('/dist') && f !== '/dist/electron' && f !== '/dist/renderer').sort()).toEqual([
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/electron/sql-wasm.wasm',
      '/dist/renderer/index.html',
      '/package.json',
    ]);
  });

  it('flips the fuses in the packaged binary', async () => {
    const wire = await getCurrentFuseWire(path.join(appDir, 'paniers'));
    const ON = 49;
    const OFF = 48;
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(OFF);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
  });
});
