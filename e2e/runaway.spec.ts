import { expect, test } from '@playwright/test';
import { LabPage } from './pages/labPage';
import { watchLongTasks } from './pages/longTasks';

test('an infinite loop times out at 3 s, the page stays responsive, and the next Test works', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForEditors();
  await lab.waitForPython();
  await lab.pasteEditorText(
    'editor.code',
    'def lambda_handler(event, context):\n    while True:\n        pass\n',
  );
  const longestTask = await watchLongTasks(page);
  await lab.testButton.click();
  // While Python spins, the page still answers: the lesson pane scrolls and the editor takes focus.
  await page.getByTestId('lesson').hover();
  await page.mouse.wheel(0, 200);
  await expect(lab.resultStatus).toHaveText('Failed', { timeout: 20_000 });
  await expect(lab.resultResponse).toContainText('Sandbox.Timedout');
  await expect(lab.resultResponse).toContainText('Task timed out after 3.00 seconds');
  expect(await longestTask()).toBeLessThan(100);

  await lab.pasteEditorText(
    'editor.code',
    'def lambda_handler(event, context):\n    return {"again": True}\n',
  );
  await lab.waitForPython();
  await lab.testButton.click();
  await expect(lab.resultStatus).toHaveText('Succeeded');
  await expect(lab.resultResponse).toContainText('"again": true');
});
