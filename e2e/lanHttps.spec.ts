import { type ChildProcess, spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

/**
 * The classroom with `--https` on a LAN name: once the student accepts the self-signed certificate (here:
 * the browser ignores certificate errors, as after "Proceed"), the page is a secure context and
 * cross-origin isolated, so the lab boots the fast way and Test runs with shared memory.
 */
const PORT = Number(process.env.LAB_E2E_PORT ?? 4173) + 4;
const DIST = process.env.LAB_E2E_DIST ?? 'dist';

test.use({
  ignoreHTTPSErrors: true,
  launchOptions: {
    executablePath: (await findChromium()) ?? undefined,
    args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP lan.test 127.0.0.1'],
  },
});

let relay: ChildProcess | null = null;
let relayLog = '';
test.beforeAll(async () => {
  relay = spawn(
    process.execPath,
    [
      'scripts/classroom.mjs',
      '--https',
      '--port',
      String(PORT),
      '--host',
      '127.0.0.1',
      '--host-name',
      'lan.test',
      '--dir',
      DIST,
      '--no-restart',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the relay did not start:\n${relayLog}`)), 60_000);
    const read = (chunk: Buffer) => {
      relayLog += chunk.toString();
      if (relayLog.includes('On this machine:')) {
        clearTimeout(timer);
        done();
      }
    };
    relay?.stdout?.on('data', read);
    relay?.stderr?.on('data', read);
    relay?.once('exit', (code) => fail(new Error(`the relay exited (${code}):\n${relayLog}`)));
  });
});
test.afterAll(() => {
  relay?.kill('SIGTERM');
});

test('with --https a student on the LAN name gets a cross-origin isolated lab', async ({ page }) => {
  test.setTimeout(240_000);
  expect(relayLog).toContain(`https://lan.test:${PORT}/`);
  expect(relayLog).toMatch(/fingerprint \(SHA-256\):\s+([0-9A-F]{2}:){31}[0-9A-F]{2}/);
  await page.goto(`https://lan.test:${PORT}/`);
  expect(await page.evaluate(() => [isSecureContext, crossOriginIsolated])).toEqual([true, true]);
  await expect(page.getByTestId('python.status')).toHaveAttribute('data-state', 'ready', {
    timeout: 120_000,
  });
  await page.getByTestId('test.run').click();
  await expect(page.getByTestId('result.status')).toHaveText('Succeeded');
});
