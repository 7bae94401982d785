/**
 * Test helper: runs `scripts/classroom.mjs` as its own process on 127.0.0.1, so a crash shows as a dead
 * process (not as an error inside the test runner), and the supervisor can be tested by killing it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SpawnedRelay {
  readonly child: ChildProcess;
  readonly port: number;
  output(): string;
  alive(): boolean;
  /** Resolves once `pattern` has appeared in the output `count` times in all. */
  waitFor(pattern: RegExp, count?: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** A tiny built app: index.html and a large snapshot.bin (to abandon downloads of). */
export function fakeDist(snapshotBytes = 4 * 1024 * 1024): string {
  const dir = mkdtempSync(join(tmpdir(), 'classroom-dist-'));
  mkdirSync(join(dir, 'pyodide'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>lab</title>');
  writeFileSync(join(dir, 'pyodide', 'snapshot.bin'), Buffer.alloc(snapshotBytes, 7));
  return dir;
}

/** Starts the relay; unless `ready` is false, resolves once it has printed its links. */
export async function spawnRelay(
  port: number,
  args: readonly string[],
  { cwd, ready = true }: { cwd?: string; ready?: boolean } = {},
): Promise<SpawnedRelay & { exited: Promise<number | null> }> {
  const script = fileURLToPath(new URL('../../../scripts/classroom.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, '--port', String(port), '--host', '127.0.0.1', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(cwd ? { cwd } : {}),
    env: { ...process.env, LAMBDA_LAB_CLASSROOM_CHILD: '' },
  });
  let out = '';
  const listeners = new Set<() => void>();
  const read = (chunk: Buffer) => {
    out += chunk.toString();
    for (const l of [...listeners]) l();
  };
  child.stdout?.on('data', read);
  child.stderr?.on('data', read);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const waitFor = (pattern: RegExp, count = 1, timeoutMs = 90_000) =>
    new Promise<void>((done, fail) => {
      const g = new RegExp(pattern.source, 'g');
      const check = () => {
        if ((out.match(g) ?? []).length < count) return;
        listeners.delete(check);
        clearTimeout(timer);
        done();
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        fail(new Error(`no ${pattern} (x${count}) within ${timeoutMs} ms:\n${out}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  if (ready) await waitFor(/On this machine:/);
  return {
    exited,
    child,
    port,
    output: () => out,
    alive: () => child.exitCode === null && child.signalCode === null,
    waitFor,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The relay processes the supervisor `pid` started (Linux: /proc). */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter((p) => p !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/** Open file descriptors of a process (Linux: /proc/PID/fd). */
export const openFds = (pid: number): number => {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return -1;
  }
};

/** GET on 127.0.0.1 with a chosen Host header; the status, or 0 when the connection failed. */
export function status(port: number, path: string, host = `127.0.0.1:${port}`): Promise<number> {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', () => done(0));
    req.end();
  });
}
