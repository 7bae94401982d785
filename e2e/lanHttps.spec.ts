import { expect, test } from '@playwright/test';
import { startLanRelay } from './pages/lanRelay';

/**
 * The classroom with `--https` on a LAN name: once the student accepts the self-signed certificate (here:
 * the browser ignores certificate errors, as after "Proceed"), the page is a secure context and
 * cross-origin isolated, so the lab boots the fast way and Test runs with shared memory.
 */
const relay = await startLanRelay({ portOffset: 4, https: true });
const PORT = relay.port;

test('with --https a student on the LAN name gets a cross-origin isolated lab', async ({ page }) => {
  test.setTimeout(240_000);
  expect(relay.log()).toContain(`https://lan.test:${PORT}/`);
  expect(relay.log()).toMatch(/fingerprint \(SHA-256\):\s+([0-9A-F]{2}:){31}[0-9A-F]{2}/);
  await page.goto(`https://lan.test:${PORT}/`);
  expect(await page.evaluate(() => [isSecureContext, crossOriginIsolated])).toEqual([true, true]);
  await expect(page.getByTestId('python.status')).toHaveAttribute('data-state', 'ready', {
    timeout: 120_000,
  });
  await page.getByTestId('test.run').click();
  await expect(page.getByTestId('result.status')).toHaveText('Succeeded');
});
