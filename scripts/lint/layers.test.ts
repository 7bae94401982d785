import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  brokenImports,
  folderCycle,
  importEdges,
  LAYERS,
  markdownTable,
  refused,
  TABLE_DOCS,
  tableCells,
  withOverrides,
} from './layers.mjs';

const biome = resolve('node_modules/.bin/biome');
const layerOf = new Map(LAYERS.map((l, i) => [l.dir, { ...l, rank: i }]));

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
    const edges = importEdges();
    expect(edges.length).toBeGreaterThan(100);
    expect(brokenImports(edges)).toEqual([]);
    expect(folderCycle(edges)).toEqual([]);
  });

  it('reports an upward import and a cycle in the code it is given', () => {
    const edge = (from: string, to: string) => ({ from, to, file: `src/${from}/a.ts`, spec: `../${to}/b` });
    expect(brokenImports([edge('host', 'ui'), edge('ui', 'host')])).toEqual([
      'src/host/a.ts imports ../ui/b',
    ]);
    expect(folderCycle([edge('host', 'store'), edge('store', 'lessons'), edge('lessons', 'host')])).toEqual([
      'host',
      'store',
      'lessons',
      'host',
    ]);
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
