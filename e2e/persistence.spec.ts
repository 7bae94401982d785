import { expect, test } from '@playwright/test';
import { LabPage } from './pages/labPage';

test('code and test event survive a reload', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForEditors();
  await lab.pasteEditorText(
    'editor.code',
    'def lambda_handler(event, context):\n    return {"kept": event["n"]}\n',
  );
  await lab.replaceEditorText('editor.event', '{"n": 5}');
  await page.reload();
  await lab.waitForEditors();
  await expect(page.getByTestId('editor.code')).toContainText('"kept"');
  await lab.waitForPython();
  await lab.testButton.click();
  await expect(lab.resultResponse).toContainText('"kept": 5');
});

test('a corrupt save is set aside and reported, and the lab starts fresh', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('lambda-lab.workspace', '{"state": {"workspace": {"version": 2, "functions": 3');
      localStorage.setItem('another-app', 'untouched');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const lab = new LabPage(page);
  await lab.open();
  await expect(page.getByTestId('notice')).toContainText('could not be read (it is not valid JSON)');
  await lab.waitForEditors();
  await expect(page.getByTestId('editor.code')).toContainText('lambda_handler');
  const keys = await page.evaluate(() => Object.keys(localStorage));
  const aside = keys.find((k) => k.startsWith('lambda-lab.workspace.set-aside.'));
  expect(aside).toBeDefined();
  expect(await page.evaluate((k) => localStorage.getItem(k), aside ?? '')).toContain('"functions": 3');
  expect(await page.evaluate(() => localStorage.getItem('another-app'))).toBe('untouched');
  await page.getByRole('button', { name: 'Dismiss this message' }).click();
  await expect(page.getByTestId('notice')).toHaveCount(0);
});
