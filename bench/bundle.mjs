// Gzip sizes of the built JavaScript: what the first render needs against everything the app ships.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).byteLength;

export function measureBundle(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set();
  // Follow static `import ... from "./x.js"` edges: dynamic import() chunks are not initial, except those
  // the entry script itself imports at once (src/boot.ts starts Python, then loads the app).
  const visit = (rel, entry = false) => {
    if (seen.has(rel)) return;
    seen.add(rel);
    const text = readFileSync(join(dist, rel), 'utf8');
    for (const m of text.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      visit(`assets/${m[1]}`);
    }
    if (entry)
      for (const m of text.matchAll(/\bimport\(\s*[`"']\.\/([^`"']+\.js)[`"']\s*\)/g))
        visit(`assets/${m[1]}`);
  };
  for (const entry of entries) visit(entry, true);
  const all = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const initialGzip = [...seen].reduce((sum, rel) => sum + gz(join(dist, rel)), 0);
  const totalGzip = all.reduce((sum, rel) => sum + gz(join(dist, rel)), 0);
  return { initial: [...seen], initialGzip, totalGzip };
}
