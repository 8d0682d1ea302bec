import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries of ARCHITECTURE.md are lint rules; this proves they bite, so a
// weakened eslint.config.js fails here rather than silently letting layers leak.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries', () => {
  it.each([
    ["import { app } from 'electron';", 'core/x/bad.ts'],
    ["import { readFileSync } from 'node:fs';", 'core/x/bad.ts'],
    ["import { useState } from 'react';", 'core/x/bad.ts'],
    ["import fs from 'fs';", 'core/x/bad.ts'],
    ["import { ipcRenderer } from 'electron';", 'renderer/x/bad.ts'],
    ["import path from 'node:path';", 'renderer/x/bad.ts'],
  ])('refuses %s in %s', async (code, file) => {
    expect(await ruleIdsFor(`${code}\nexport const x = 1;\n`, file)).toContain('no-restricted-imports');
  });

  it.each(['document.title', 'window.alert', 'process.exit', 'console.log'])('refuses the global %s in core', async (expr) => {
    expect(await ruleIdsFor(`export const f = () => ${expr};\n`, 'core/x/bad.ts')).toContain('no-restricted-globals');
  });

  it('allows core to use its own modules and platform-neutral libraries', async () => {
    const code = "import { z } from 'zod';\nimport { cents } from '../money/money';\nexport const s = z.string();\nexport const c = cents(1);\n";
    expect(await ruleIdsFor(code, 'core/x/good.ts')).toEqual([]);
  });
});
