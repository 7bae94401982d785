import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS, markdownTable, refused, TABLE_DOCS, tableCells, withOverrides } from './layers.mjs';

const biome = resolve('node_modules/.bin/biome');
const layerOf = new Map(LAYERS.map((l, i) => [l.dir, { ...l, rank: i }]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The src folder a path belongs to, or null for files directly in src/ (main.tsx) and outside it. */
function folderOf(path: string): string | null {
  const parts = relative('src', path).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? (parts[0] as string) : null;
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];
function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.split('?')[0] as string);
  for (const ext of EXTENSIONS) {
    const p = base + ext;
    try {
      if (statSync(p).isFile()) return relative(process.cwd(), p);
    } catch {}
  }
  return null;
}

/** Every import (static, dynamic, type-only, re-export) from one src folder into another. */
function folderImports(): { from: string; to: string; file: string; spec: string }[] {
  const edges = [];
  for (const file of sourceFiles('src')) {
    const from = folderOf(file);
    if (from === null) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = resolveImport(file, m[1] as string);
      const to = target === null ? null : folderOf(target);
      if (to !== null && to !== from) edges.push({ from, to, file, spec: m[1] as string });
    }
  }
  return edges;
}

describe('the layer table', () => {
  it('names every folder under src/, and each layer uses only layers below it (so no cycles)', () => {
    const folders = readdirSync('src', { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.filter((f) => !layerOf.has(f))).toEqual([]);
    for (const layer of LAYERS) {
      const rank = layerOf.get(layer.dir)?.rank ?? -1;
      for (const used of layer.uses)
        expect(layerOf.get(used)?.rank, `${layer.dir} uses ${used}`).toBeLessThan(rank);
    }
  });

  it('is what biome.json, the README and docs/ARCHITECTURE.md say (run: node scripts/lint/layers.mjs --write)', () => {
    const config = JSON.parse(readFileSync('biome.json', 'utf8'));
    expect(config).toEqual(withOverrides(config));
    for (const doc of TABLE_DOCS) {
      expect(tableCells(readFileSync(doc, 'utf8')), doc).toEqual(tableCells(markdownTable()));
    }
  });

  it('holds in the code: every import between folders is allowed, and the folders form no cycle', () => {
    const edges = folderImports();
    expect(edges.length).toBeGreaterThan(100);
    const broken = edges
      .filter((e) => !layerOf.get(e.from)?.uses.includes(e.to))
      .map((e) => `${e.file} imports ${e.spec}`);
    expect(broken).toEqual([]);

    const graph = new Map<string, Set<string>>();
    for (const e of edges) graph.set(e.from, (graph.get(e.from) ?? new Set()).add(e.to));
    const state = new Map<string, 'open' | 'done'>();
    const cycle: string[] = [];
    const visit = (n: string, path: string[]): void => {
      if (state.get(n) === 'done' || cycle.length) return;
      if (state.get(n) === 'open') {
        cycle.push(...path.slice(path.indexOf(n)), n);
        return;
      }
      state.set(n, 'open');
      for (const m of graph.get(n) ?? []) visit(m, [...path, n]);
      state.set(n, 'done');
    };
    for (const n of graph.keys()) visit(n, []);
    expect(cycle.join(' -> ')).toBe('');
  });
});

describe('the layer rules in Biome', () => {
  it('refuse, in every folder, an import of each folder the table does not allow, and only those', () => {
    const probes = LAYERS.filter((l) => l.dir !== 'sim').map((layer) => {
      const path = `src/${layer.dir}/zzLayerProbe.ts`;
      const all = LAYERS.map((l) => l.dir).filter((d) => d !== layer.dir);
      // One import per line, so a diagnostic's line number says which folder it refused.
      const lines = all.map((d) => `import { x as ${d}X } from '../${d}/deep/module';`);
      writeFileSync(
        path,
        `${lines.join('\n')}\nexport const all = [${all.map((d) => `${d}X`).join(', ')}];\n`,
      );
      return { layer, path, all };
    });
    let out = '';
    try {
      const run = spawnSync(biome, ['lint', '--max-diagnostics=none', ...probes.map((p) => p.path)], {
        encoding: 'utf8',
      });
      out = `${run.stdout}${run.stderr}`;
    } finally {
      for (const p of probes) rmSync(p.path, { force: true });
    }
    for (const { layer, path, all } of probes) {
      const denied = refused(layer);
      all.forEach((d, i) => {
        const line = `${path}:${i + 1}:`;
        if (denied.includes(d)) {
          expect(out, `${layer.dir} importing ${d}`).toContain(line);
          expect(out).toContain(`src/${layer.dir}/ may not import src/${d}/`);
        } else expect(out, `${layer.dir} may import ${d}`).not.toContain(line);
      });
    }
  });
});
