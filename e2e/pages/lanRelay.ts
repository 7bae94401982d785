import { type ChildProcess, spawn } from 'node:child_process';
import { test } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';

export interface LanRelay {
  readonly port: number;
  /** What the relay has printed so far (its start-up banner names the links it serves). */
  log(): string;
}

/**
 * The classroom relay serving the build to the name `lan.test`, which Chromium alone maps to the loopback
 * address: a student's view from the LAN without touching the machine's real network address. Call it at
 * the top of a spec; the relay starts before the spec's tests and stops after them.
 */
export async function startLanRelay(options: { portOffset: number; https?: boolean }): Promise<LanRelay> {
  const port = Number(process.env.LAB_E2E_PORT ?? 4173) + options.portOffset;
  const dist = process.env.LAB_E2E_DIST ?? 'dist';
  test.use({
    ...(options.https ? { ignoreHTTPSErrors: true } : {}),
    launchOptions: {
      executablePath: (await findChromium()) ?? undefined,
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP lan.test 127.0.0.1'],
    },
  });

  let relay: ChildProcess | null = null;
  let output = '';
  test.beforeAll(async () => {
    const args = ['scripts/classroom.mjs', ...(options.https ? ['--https'] : [])];
    args.push('--port', String(port), '--host', '127.0.0.1', '--host-name', 'lan.test', '--dir', dist);
    relay = spawn(process.execPath, [...args, '--no-restart'], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`the relay did not start:\n${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('On this machine:')) {
          clearTimeout(timer);
          done();
        }
      };
      relay?.stdout?.on('data', read);
      relay?.stderr?.on('data', read);
      relay?.once('exit', (code) => fail(new Error(`the relay exited (${code}):\n${output}`)));
    });
  });
  test.afterAll(() => {
    relay?.kill('SIGTERM');
  });
  return { port, log: () => output };
}
