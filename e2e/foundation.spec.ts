import { expect, test } from '@playwright/test';
import { LabPage } from './pages/labPage';

test.describe('foundation', () => {
  test('loads offline, starts Python, and runs the hello handler', async ({ page }, testInfo) => {
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));

    const lab = new LabPage(page);
    await lab.open();
    // The lesson is readable before Monaco and Python arrive.
    await expect(page.getByTestId('lesson')).toContainText('What serverless means');
    await lab.waitForEditors();
    await lab.waitForPython();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    await lab.testButton.click();
    await expect(lab.resultStatus).toHaveText('Succeeded');
    await expect(lab.resultResponse).toContainText('"statusCode": 200');
    await expect(lab.resultResponse).toContainText('Hello, student!');
    await expect(lab.resultLogs).toContainText('Saying hello to student');

    await page.screenshot({ path: testInfo.outputPath('first-screen.png'), fullPage: true });
    await testInfo.attach('first-screen', {
      path: testInfo.outputPath('first-screen.png'),
      contentType: 'image/png',
    });

    const origin = new URL(page.url()).origin;
    const foreign = requests.filter(
      (url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'),
    );
    expect(foreign, 'every request goes to the app itself').toEqual([]);
    expect(requests.some((url) => url.endsWith('/pyodide/pyodide.asm.wasm'))).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  test('Ctrl/Cmd+Enter in the editor runs the edited handler', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.waitForEditors();
    await lab.waitForPython();
    await lab.pasteEditorText(
      'editor.code',
      'def lambda_handler(event, context):\n    print("sum is", event["a"] + event["b"])\n    return {"sum": event["a"] + event["b"]}\n',
    );
    await lab.replaceEditorText('editor.event', '{"a": 2, "b": 40}');
    await page.getByTestId('editor.code').locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect(lab.resultStatus).toHaveText('Succeeded');
    await expect(lab.resultResponse).toContainText('"sum": 42');
    await expect(lab.resultLogs).toContainText('sum is 42');
  });

  test('malformed event JSON is explained inline and blocks Test until fixed', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.waitForEditors();
    await lab.waitForPython();
    await expect(lab.testButton).toBeEnabled();

    await lab.replaceEditorText('editor.event', '{"name": "x" "age": 3');
    await expect(lab.eventError).toContainText('Invalid JSON at line 1');
    await expect(lab.testButton).toBeDisabled();
    await expect(page.getByTestId('test.blocker')).toContainText('Fix the test event first');
    await expect(lab.testButton).toHaveAttribute('title', /Invalid JSON/);

    await lab.replaceEditorText('editor.event', '{"name": "fixed"}');
    await expect(lab.eventError).toHaveCount(0);
    await expect(lab.testButton).toBeEnabled();
    await lab.testButton.click();
    await expect(lab.resultResponse).toContainText('Hello, fixed!');
  });

  test('a Python start-up failure shows the error and a working Retry', async ({ page }) => {
    await page.route('**/pyodide/pyodide.asm.wasm', (route) =>
      route.fulfill({ status: 404, body: 'missing' }),
    );
    const lab = new LabPage(page);
    await lab.open();
    await expect(lab.pythonStatus).toHaveAttribute('data-state', 'failed');
    await expect(lab.pythonStatus).toContainText('pyodide.asm.wasm');
    await expect(lab.pythonStatus).toContainText('HTTP 404');
    // The rest of the page still works: the lesson is there and Test explains why it is disabled.
    await expect(page.getByTestId('lesson')).toBeVisible();
    await expect(lab.testButton).toBeDisabled();

    await page.unroute('**/pyodide/pyodide.asm.wasm');
    await page.getByTestId('python.retry').click();
    await lab.waitForPython();
    await expect(lab.testButton).toBeEnabled();
  });
});
