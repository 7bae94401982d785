import { expect, test } from '@playwright/test';
import { LabPage } from './pages/labPage';

test('without cross-origin isolation the lab still runs handlers and stops runaway ones', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForEditors();
  await lab.waitForPython();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);

  await lab.testButton.click();
  await expect(lab.resultStatus).toHaveText('Succeeded');
  await expect(lab.resultResponse).toContainText('Hello, student!');

  await lab.pasteEditorText(
    'editor.code',
    'def lambda_handler(event, context):\n    while True:\n        pass\n',
  );
  await lab.testButton.click();
  await expect(lab.resultResponse).toContainText('Task timed out after 3.00 seconds', { timeout: 20_000 });
  await lab.waitForPython();
  await lab.pasteEditorText('editor.code', 'def lambda_handler(event, context):\n    return 7\n');
  await lab.testButton.click();
  await expect(lab.resultResponse).toHaveText('7');
});
