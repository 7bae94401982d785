import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { precacheManifest } from './serviceWorkerPlugin.mjs';

describe("the service worker's precache list", () => {
  const dir = mkdtempSync(join(tmpdir(), 'lab-sw-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  };

  it('lists the build but not the worker, host config, maps, compressed copies or bench pages', () => {
    write('index.html', '<html></html>');
    write('assets/index-abc.js', 'console.log(1)');
    write('assets/index-abc.js.map', '{}');
    write('assets/index-abc.js.gz', 'x');
    write('pyodide/snapshot.bin', 'snap');
    write('sw.js', 'old worker');
    write('_headers', '/*');
    write('__bench/bare.html', '<html></html>');
    expect(precacheManifest(dir).files).toEqual([
      'assets/index-abc.js',
      'index.html',
      'pyodide/snapshot.bin',
    ]);
  });

  it('gets a new version exactly when a file changes', () => {
    const first = precacheManifest(dir).version;
    write('sw.js', 'the previous build wrote another worker');
    expect(precacheManifest(dir).version).toBe(first);
    write('pyodide/snapshot.bin', 'another snapshot, same name');
    expect(precacheManifest(dir).version).not.toBe(first);
  });
});
