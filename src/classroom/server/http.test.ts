import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLASSROOM_SERVER_NAME, ServerInfo } from '../protocol';
import { parseArgs, USAGE } from './main';
import { type ClassroomServer, startClassroomServer } from './server';
import { resolveInside } from './staticFiles';

let dir: string;
let server: ClassroomServer;
let proxied: ClassroomServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'classroom-static-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'pyodide'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>lab</title>');
  writeFileSync(join(dir, 'assets', 'main-abc123.js'), 'export {};');
  writeFileSync(join(dir, 'pyodide', 'pyodide.mjs'), 'export {};');
  writeFileSync(join(dir, 'pyodide', 'pyodide.asm.wasm'), Buffer.from([0, 97, 115, 109]));
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  server = await startClassroomServer({ host: '127.0.0.1', staticDir: dir });
  proxied = await startClassroomServer({ host: '127.0.0.1', proxy: server.url });
});
afterAll(async () => {
  await Promise.all([server.close(), proxied.close()]);
  rmSync(dir, { recursive: true, force: true });
});

function get(
  url: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((done, fail) => {
    const req = request(url, { method }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('classroom.http', () => {
  it('classroom.http.isolation: every response carries the cross-origin isolation headers', async () => {
    for (const path of [
      '',
      'assets/main-abc123.js',
      'pyodide/pyodide.asm.wasm',
      'missing',
      'classroom/info',
    ]) {
      const { headers } = await get(`${server.url}${path}`);
      expect(headers).toMatchObject({
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
        'cross-origin-resource-policy': 'same-origin',
      });
    }
  });

  it('classroom.http.mime: modules and WebAssembly get the types browsers require', async () => {
    const types = async (path: string) => (await get(`${server.url}${path}`)).headers['content-type'];
    expect(await types('')).toBe('text/html; charset=utf-8');
    expect(await types('assets/main-abc123.js')).toBe('text/javascript; charset=utf-8');
    expect(await types('pyodide/pyodide.mjs')).toBe('text/javascript; charset=utf-8');
    expect(await types('pyodide/pyodide.asm.wasm')).toBe('application/wasm');
    expect((await get(`${server.url}assets/main-abc123.js`)).headers['cache-control']).toContain('immutable');
    const head = await get(`${server.url}pyodide/pyodide.asm.wasm`, 'HEAD');
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe('4');
  });

  it('classroom.http.confined: no path leaves the folder, dotfiles stay private, only GET and HEAD', async () => {
    for (const path of ['%2e%2e/package.json', '..%2f..%2fetc%2fpasswd', '.env', 'assets/%00x', 'nope.js'])
      expect((await get(`${server.url}${path}`)).status).toBe(404);
    expect((await get(server.url, 'POST')).status).toBe(405);
    expect(resolveInside('/srv/app', '/../etc/passwd')).toBeNull();
    expect(resolveInside('/srv/app', '/assets/a%20b.js')).toBe(resolve('/srv/app/assets/a b.js'));
    expect(resolveInside('/srv/app', '/%E0%A4%A')).toBeNull();
  });

  it('classroom.http.info: the app can tell the classroom server is there', async () => {
    const info = ServerInfo.parse(JSON.parse((await get(`${server.url}classroom/info`)).body));
    expect(info).toMatchObject({ name: CLASSROOM_SERVER_NAME, local: true });
  });

  it('classroom.http.proxy: in proxy mode pages come from the dev server, the info from the relay', async () => {
    const page = await get(proxied.url);
    expect(page.body).toContain('<title>lab</title>');
    expect((await get(`${proxied.url}classroom/info`)).status).toBe(200);
  });
});

describe('classroom.cli', () => {
  it('classroom.cli.args: flags, environment defaults and clear errors', () => {
    expect(parseArgs([], {})).toMatchObject({ port: 4180, host: '0.0.0.0', codeTtlMinutes: 180 });
    expect(parseArgs(['--port', '5284', '--dir=build', '--code-ttl', '30'], {})).toMatchObject({
      port: 5284,
      staticDir: resolve('build'),
      codeTtlMinutes: 30,
    });
    expect(parseArgs([], { CLASSROOM_PORT: '6000' })).toMatchObject({ port: 6000 });
    expect(parseArgs(['--help'], {})).toBe(USAGE);
    expect(parseArgs(['--bogus'], {})).toMatch(/^Unknown option --bogus/);
    expect(parseArgs(['--port', 'http'], {})).toMatch(/--port must be a port number/);
    expect(parseArgs(['--port'], {})).toMatch(/--port needs a value/);
  });
});
