import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMainWindow } from '../../electron/window';
import { createFakeElectron } from './fake-electron';

/**
 * Electronegativity (a smoke test, unmaintained but still useful) over electron/ and
 * renderer/, plus two fixtures that pin down its known false negative. It runs offline; only
 * its Electron-release lookup fails (about 10 s here), which changes no finding.
 */
interface Finding {
  check: string;
  severity: string;
  file: string;
}

const SCANNED = ['electron', 'renderer'];
const FIXTURES: Record<string, string> = {
  // Reported (as INFORMATIONAL: the default sandbox makes it harmless), sandbox left alone.
  'node-integration.ts': "import { BrowserWindow } from 'electron';\nnew BrowserWindow({ webPreferences: { nodeIntegration: true } });\n",
  // NOT flagged, although just as dangerous: the false negative (NodeIntegrationJSCheck.js).
  'node-integration-no-sandbox.ts':
    "import { BrowserWindow } from 'electron';\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, sandbox: false } });\n",
};

let findings: Finding[];

beforeAll(async () => {
  const work = await mkdtemp(path.join(tmpdir(), 'paniers-electronegativity-'));
  const input = path.join(work, 'input');
  for (const dir of SCANNED) {
    await cp(dir, path.join(input, dir), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await mkdir(path.join(input, 'fixtures'), { recursive: true });
  for (const [name, code] of Object.entries(FIXTURES)) await writeFile(path.join(input, 'fixtures', name), code);

  const output = path.join(work, 'findings.csv');
  await promisify(execFile)(
    process.execPath,
    ['node_modules/@doyensec/electronegativity/dist/index.js', '-i', input, '-o', output, '-e', '45.6.1', '-r'],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  // issue, "severity", "confidence", "filename", "line:column", sample…: the first columns are enough.
  findings = (await readFile(output, 'utf8'))
    .split('\n')
    .map((line) => /^([A-Z_]+),"([A-Z]+)","[A-Z]+","([^"]*)","\d+:\d+"/.exec(line))
    .filter((match) => match !== null)
    .map(([, check, severity, file]) => ({ check: check!, severity: severity!, file: file!.replaceAll('\\', '/') }));
}, 120_000);

const ours = () => findings.filter((f) => !f.file.startsWith('fixtures/'));

describe('electronegativity', () => {
  it('actually read our sources (its preload review points at our window)', () => {
    expect(ours()).toContainEqual({ check: 'PRELOAD_JS_CHECK', severity: 'MEDIUM', file: 'electron/window.ts' });
  });

  it('finds nothing of HIGH severity in electron/ or renderer/', () => {
    expect(ours().filter((f) => f.severity === 'HIGH')).toEqual([]);
  });

  it('reports nodeIntegration: true… but not at all once sandbox: false makes it dangerous (its false negative)', () => {
    const nodeIntegration = (file: string) => findings.filter((f) => f.file === `fixtures/${file}` && f.check === 'NODE_INTEGRATION_JS_CHECK');
    expect(nodeIntegration('node-integration.ts')).toHaveLength(1);
    expect(nodeIntegration('node-integration-no-sandbox.ts')).toEqual([]);
  });
});

describe('what electronegativity misses, checked by us', () => {
  it('our window never turns the sandbox off nor Node on', () => {
    const fake = createFakeElectron();
    createMainWindow(fake.electron.BrowserWindow, { preload: '/p.cjs' });
    const prefs = fake.windows[0]!.options.webPreferences!;
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
  });

  it('no source in electron/ or renderer/ sets sandbox: false, nodeIntegration: true or contextIsolation: false', async () => {
    const offenders: string[] = [];
    for (const dir of SCANNED) {
      const files = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
      for (const file of files.filter((f) => /\.(ts|tsx|js|mjs|cjs)$/.test(f))) {
        const code = await readFile(path.join(dir, file), 'utf8');
        if (/sandbox\s*:\s*false|nodeIntegration\w*\s*:\s*true|contextIsolation\s*:\s*false|webSecurity\s*:\s*false/.test(code)) {
          offenders.push(path.join(dir, file));
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
