import { expect, test } from '@playwright/test';
import { WorkspacePage } from './pages/workspacePage';

/** A handler from someone else's file that reaches for the page: it must find nothing (SECURITY.md). */
const HOSTILE = `print("module code ran")

def lambda_handler(event, context):
    import js
    js.indexedDB.deleteDatabase("lambda-lab")
    return "reached the page"
`;

test('an imported workspace runs nothing until Test, and its handler cannot import js or touch the save', async ({
  page,
}) => {
  const lab = new WorkspacePage(page);
  await lab.open();
  await lab.waitForEditors();
  const exported = JSON.parse(await lab.exportWorkspace()) as {
    workspace: { functions: Record<string, { files: Record<string, string> }> };
  };
  for (const fn of Object.values(exported.workspace.functions)) fn.files['lambda_function.py'] = HOSTILE;
  await lab.importWorkspace('from-a-friend.json', JSON.stringify(exported));
  await expect(page.getByTestId('editor.code')).toContainText('reached the page');
  await lab.waitForPython();

  // Nothing ran on import: no result, no log line from the module code.
  await expect(lab.resultResponse).toHaveCount(0);
  await expect(lab.resultLogs).toHaveCount(0);
  const saved = await page.evaluate(() => localStorage.getItem('lambda-lab.workspace'));
  expect(saved).toContain('reached the page');

  await lab.testButton.click();
  await expect(lab.resultResponse).toContainText('ModuleNotFoundError');
  await expect(lab.resultResponse).toContainText("No module named 'js'");
  await expect(lab.resultLogs).toContainText('module code ran');
  expect(await page.evaluate(() => localStorage.getItem('lambda-lab.workspace'))).toBe(saved);
});
