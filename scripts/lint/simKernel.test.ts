import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const biome = resolve('node_modules/.bin/biome');

/** Lints a throwaway file at the given path and returns Biome's output. */
function lintProbe(relativePath: string, source: string): string {
  const path = resolve(relativePath);
  writeFileSync(path, source);
  try {
    const result = spawnSync(biome, ['lint', '--max-diagnostics=50', path], { encoding: 'utf8' });
    return `${result.stdout}${result.stderr}`;
  } finally {
    rmSync(path, { force: true });
  }
}

const IMPURE = [
  "import { useState } from 'react';",
  "import { create } from 'zustand';",
  "import { helper } from '../ui/helper';",
  'export const a = Math.random();',
  'export const b = Date.now();',
  'export const c = setTimeout(() => {}, 1);',
  'export const d = [useState, create, helper];',
  'export const e = Math.floor(2.5);',
].join('\n');

describe('the kernel rule for src/sim', () => {
  it('refuses React, zustand, outside imports, Math.random, Date and timers inside src/sim', () => {
    const out = lintProbe('src/sim/zzLintProbe.ts', IMPURE);
    expect(out).toContain('no React');
    expect(out).toContain('not a store');
    expect(out).toContain('imports nothing outside itself');
    expect(out).toContain('not Math.random()');
    expect(out).toContain('global variable Date');
    expect(out).toContain('global variable setTimeout');
    expect(out, 'Math.floor on line 8 is fine').not.toContain('zzLintProbe.ts:8:');
  });

  it('leaves the same code alone outside src/sim', () => {
    const out = lintProbe('src/ui/zzLintProbe.ts', IMPURE);
    expect(out).not.toContain('not Math.random()');
    expect(out).not.toContain('global variable Date');
  });
});
