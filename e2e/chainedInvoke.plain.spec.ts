import { expect, test } from '@playwright/test';
import { importCallerAndCallee } from './pages/chainWorkspace';
import { LabPage } from './pages/labPage';

test('without cross-origin isolation a synchronous Lambda-to-Lambda invoke still runs the callee (JSPI)', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForEditors();
  await expect(lab.pythonStatus).toHaveAttribute('data-state', 'ready', { timeout: 170_000 });
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await importCallerAndCallee(page);
  await lab.testButton.click();
  await expect(lab.resultStatus).toHaveText('Succeeded', { timeout: 60_000 });
  await expect(lab.resultResponse).toContainText('"callee": 42');
  // The caller waited for the callee's 0.5 s: its Duration includes the wait.
  const report = (await lab.resultLogs.textContent()) ?? '';
  const duration = Number(/REPORT RequestId: \S+\tDuration: ([\d.]+) ms/.exec(report)?.[1]);
  expect(duration).toBeGreaterThan(500);
});
