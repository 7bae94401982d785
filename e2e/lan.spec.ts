import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startLanRelay } from './pages/lanRelay';

/**
 * A student on the classroom's LAN link: the relay serves the build over plain HTTP to a name that is not
 * localhost, so the browser ignores the isolation headers (no SharedArrayBuffer). `lan.test` is mapped to
 * the loopback address inside Chromium only: the test never touches the machine's real network address.
 */
const SOLUTION = readFileSync(
  'lessons/06-event-sources/exercises/sqs-partial-batch/solution/lambda_function.py',
  'utf8',
);

const relay = await startLanRelay({ portOffset: 3 });
const PORT = relay.port;

test('a student on the LAN link passes the SQS exercise, whose handler calls DynamoDB through boto3', async ({
  page,
}) => {
  test.setTimeout(360_000);
  await page.goto(`http://lan.test:${PORT}/`);
  // The point of this test: no cross-origin isolation, so no shared memory for synchronous calls.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await page.getByTestId('course.contents').click();
  await page.getByTestId('nav.lesson').filter({ hasText: 'push and poll' }).first().click();
  const card = page.locator('.course-exercise').filter({ hasText: 'An SQS batch with partial failures' });
  await card.getByTestId('exercise.starter').scrollIntoViewIfNeeded();
  await card.getByTestId('exercise.starter').click();
  await expect(page.getByTestId('python.status')).toHaveAttribute('data-state', 'ready', {
    timeout: 120_000,
  });

  // An insecure origin has no Clipboard API: paste the way the browser does, with a paste event.
  await page.getByTestId('editor.code').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, SOLUTION);
  await card.getByTestId('exercise.check').click();
  // Five checks, each a fresh world with real Python: generous for a loaded machine.
  await expect(card.getByTestId('exercise.result').first()).toBeVisible({ timeout: 200_000 });
  const results = await card.getByTestId('exercise.results').innerText();
  expect(results, results).toContain('Every check passed.');
  await expect(card.getByTestId('exercise.status')).toContainText(/passed/i);
});

test('a student on the quiz screen boots no Python', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(`http://lan.test:${PORT}/?join=ABCD2345`);
  await expect(page.locator('.classroom-main')).toBeVisible();
  // Long enough for main.tsx to have started a boot if it were going to (it starts before React renders).
  await page.waitForLoadState('networkidle');
  expect(workers.filter((url) => url.includes('python'))).toEqual([]);
  expect(await page.getByTestId('python.status').count()).toBe(0);
});
