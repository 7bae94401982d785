import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CLASSROOM_WS_PATH } from '../protocol';
import { banner, parseArgs } from './main';
import { type ClassroomServer, startClassroomServer } from './server';
import { type Certificate, ensureCertificate } from './tls';

let dir: string;
let cert: Certificate;
let server: ClassroomServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'classroom-tls-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>lab</title>');
  cert = ensureCertificate(join(dir, 'tls'), { ips: ['127.0.0.1'], dns: ['localhost'] });
  server = await startClassroomServer({
    host: '127.0.0.1',
    staticDir: dir,
    tls: { key: cert.key, cert: cert.cert },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An HTTPS GET that trusts only the classroom's own certificate, so the name check is real. */
function get(url: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((done, fail) => {
    const req = request(url, { ca: cert.cert }, (res) => {
      res.resume();
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('classroom.https', () => {
  it('classroom.https.serve: the lab and its isolation headers over HTTPS, valid for the address', async () => {
    expect(server.url).toMatch(/^https:\/\/localhost:\d+\/$/);
    const page = await get(`https://127.0.0.1:${server.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['cross-origin-embedder-policy']).toBe('require-corp');
  });

  it('classroom.https.socket: the relay answers on wss://', async () => {
    const ws = new WebSocket(`wss://127.0.0.1:${server.port}${CLASSROOM_WS_PATH}`, { ca: cert.cert });
    await new Promise<void>((done, fail) => {
      ws.once('open', () => done());
      ws.once('error', fail);
    });
    ws.close();
  });

  it('classroom.https.keep: the certificate is kept while it fits, and made again for a new address', () => {
    const again = ensureCertificate(join(dir, 'tls'), { ips: ['127.0.0.1'], dns: ['localhost'] });
    expect(again.made).toBe(false);
    expect(again.fingerprint).toBe(cert.fingerprint);
    const moved = ensureCertificate(join(dir, 'tls'), { ips: ['127.0.0.1', '10.1.2.3'], dns: ['localhost'] });
    expect(moved.made).toBe(true);
    expect(moved.fingerprint).not.toBe(cert.fingerprint);
    // Two days before it runs out, it is made again.
    const late = ensureCertificate(
      join(dir, 'tls'),
      { ips: ['127.0.0.1', '10.1.2.3'], dns: ['localhost'] },
      Date.now() + 29 * 24 * 3600_000,
    );
    expect(late.made).toBe(true);
  });

  it('classroom.https.cli: --https is a flag, and the banner says what the first visit looks like', () => {
    const options = parseArgs(['--https'], {});
    expect(typeof options === 'string' ? options : options.https).toBe(true);
    const text = banner(server, undefined, ['lab.local'], cert);
    expect(text).toContain(`https://lab.local:${server.port}/`);
    expect(text).toContain('"Advanced"');
    expect(text).toContain(cert.fingerprint);
  });
});
