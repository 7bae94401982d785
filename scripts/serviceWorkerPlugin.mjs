// Builds /sw.js after everything else is written: the hand-written worker (src/sw/serviceWorker.ts, types
// stripped) preceded by this build's file list and a version made from the files' contents, so a new build
// is a new service worker and an unchanged one is byte-identical (no needless update).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { transformWithOxc } from 'vite';

/** Not precached: the worker itself, host config, source maps, the bench's pages. */
const SKIP = [/^sw\.js$/, /^_headers$/, /\.map$/, /\.gz$/, /^__bench\//];

function listFiles(dir, root = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listFiles(path, root);
    return [relative(root, path).split('\\').join('/')];
  });
}

/** The precache list and a version that changes exactly when a file's name or contents change. */
export function precacheManifest(outDir) {
  const files = listFiles(outDir)
    .filter((file) => !SKIP.some((pattern) => pattern.test(file)))
    .sort();
  const hash = createHash('sha256');
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(outDir, file)))
      .update('\0');
  return { version: hash.digest('hex').slice(0, 16), files };
}

/** Text assets also written as .gz beside them, for hosts that serve pre-compressed files (nginx gzip_static). */
function writeCompressed(outDir, files) {
  for (const file of files) {
    if (!/\.(js|mjs|css|html|json|svg|webmanifest|wasm|bin)$/.test(file)) continue;
    const bytes = readFileSync(join(outDir, file));
    if (bytes.length < 1024) continue;
    writeFileSync(join(outDir, `${file}.gz`), gzipSync(bytes, { level: 9 }));
  }
}

export function serviceWorkerPlugin() {
  let outDir = 'dist';
  return {
    name: 'lambda-lab:service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const manifest = precacheManifest(outDir);
      const source = readFileSync(resolve('src/sw/serviceWorker.ts'), 'utf8');
      const { code } = await transformWithOxc(source, 'serviceWorker.ts', { lang: 'ts' });
      const header = `// Lambda Lab service worker, build ${manifest.version} (generated; source: src/sw/serviceWorker.ts)\nconst LAB_PRECACHE = ${JSON.stringify(manifest)};\n`;
      writeFileSync(join(outDir, 'sw.js'), header + code.replace(/^export \{\s*\};?\s*$/m, ''));
      if (process.env.LAMBDA_LAB_NO_GZIP !== '1') writeCompressed(outDir, manifest.files);
    },
  };
}
