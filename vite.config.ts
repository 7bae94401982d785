import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { snapshotKey } from './scripts/makeSnapshot.mjs';
import { serviceWorkerPlugin } from './scripts/serviceWorkerPlugin.mjs';
import { zodMiniPlugin } from './scripts/zodMiniPlugin.mjs';

/** Cross-origin isolation: SharedArrayBuffer for the interrupt buffer and synchronous AWS calls. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

/**
 * Serves Pyodide from the app's own origin: copies its files into public/pyodide (they must keep their
 * names under one indexURL, so `?url` imports cannot be used) and builds the memory snapshot beside them.
 */
function pyodideAssets(): Plugin {
  return {
    name: 'lambda-lab:pyodide-assets',
    // In config(), not buildStart(): the worker is built to restore the snapshot whose key the file on disk
    // records, even when the runtime's sources change while a build runs (the engine re-checks them).
    config() {
      const from = resolve('node_modules/pyodide');
      const to = resolve('public/pyodide');
      mkdirSync(to, { recursive: true });
      for (const file of PYODIDE_FILES) {
        const src = resolve(from, file);
        const dest = resolve(to, file);
        if (!existsSync(dest) || statSync(dest).size !== statSync(src).size) copyFileSync(src, dest);
      }
      const metaFile = resolve(to, 'snapshot.json');
      const fresh =
        existsSync(metaFile) &&
        existsSync(resolve(to, 'snapshot.bin')) &&
        JSON.parse(readFileSync(metaFile, 'utf8')).key === snapshotKey();
      if (!fresh && process.env.LAMBDA_LAB_NO_SNAPSHOT !== '1') {
        execFileSync(process.execPath, [resolve('scripts/makeSnapshot.mjs'), resolve(to, 'snapshot.bin')], {
          stdio: 'inherit',
        });
      }
      const key = existsSync(metaFile) ? String(JSON.parse(readFileSync(metaFile, 'utf8')).key) : '';
      return { define: { __LAB_SNAPSHOT_KEY__: JSON.stringify(key) } };
    },
  };
}

// LAMBDA_LAB_NO_ISOLATION=1 serves without the headers, to test the fallbacks a plain static host gets.
const headers = process.env.LAMBDA_LAB_NO_ISOLATION === '1' ? {} : isolationHeaders;

export default defineConfig({
  plugins: [pyodideAssets(), react(), serviceWorkerPlugin(), zodMiniPlugin()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['pyodide'] },
  server: { headers },
  preview: { headers },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
});
