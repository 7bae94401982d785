import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { zodMiniPlugin } from './zodMiniPlugin.mjs';

// Inside the repo, so the fixture resolves zod from its node_modules.
const cache = join(process.cwd(), 'node_modules/.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'lab-zod-mini-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, 'entry.js'),
  `import { z } from 'zod/mini';
console.log(z.strictObject({ n: z.int() }).safeParse({ n: 1 }).success);
void import('./lazy.js');`,
);
writeFileSync(join(dir, 'lazy.js'), `import { z } from 'zod';\nconsole.log(z.email().safeParse('a@b.c'));`);

/** The code the entry needs before it runs: its chunk and the chunks it imports statically. */
async function firstPaintCode(plugins: ReturnType<typeof zodMiniPlugin>[]): Promise<string> {
  const out = (await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    plugins,
    build: { write: false, minify: false, rolldownOptions: { input: join(dir, 'entry.js') } },
  })) as Rolldown.RolldownOutput;
  const chunks = new Map(out.output.flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
  const seen = new Set<string>();
  const visit = (name: string) => {
    const chunk = chunks.get(name);
    if (!chunk || seen.has(name)) return;
    seen.add(name);
    chunk.imports.forEach(visit);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  return [...seen].map((name) => chunks.get(name)?.code ?? '').join('\n');
}

describe('zod/mini in the first paint', () => {
  it('does not bring the core that only full zod in a lazy chunk uses', async () => {
    // Email checks are full zod's, in the lazy chunk; with one shared core they load up front.
    expect(await firstPaintCode([])).toContain('"$ZodEmail"');
    const withPlugin = await firstPaintCode([zodMiniPlugin()]);
    expect(withPlugin).not.toContain('"$ZodEmail"');
    expect(withPlugin).toContain('"$ZodObject"');
  });
});
