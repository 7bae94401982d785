import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/editorPage';

test.describe('editor', () => {
  // Python, Monaco and the first check arrive one after the other; the default budget is tight on 2 cores.
  test.describe.configure({ timeout: 420_000 });

  test('marks a syntax error as you type, from Python itself, and clears it once fixed', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.pasteEditorText(
      'editor.code',
      'def lambda_handler(event, context):\n    return {"ok": (1,\n',
    );
    await expect(editor.problems).toContainText("SyntaxError: '(' was never closed");
    await expect(editor.problems).toContainText('line 2, column 19');
    await expect(editor.code.locator('.squiggly-error')).toHaveCount(1);
    await page.getByTestId('editor.problems-go').click();
    await expect(
      editor.code.locator('.current-line ~ .squiggly-error, .squiggly-error').first(),
    ).toBeVisible();
    // Typing the closing brackets fixes it; the marker goes away after the next check.
    await editor.cursorAtEnd();
    await page.keyboard.press('Backspace');
    await page.keyboard.type(')}');
    await expect(editor.problems).toHaveText('No syntax errors.');
    await expect(editor.code.locator('.squiggly-error')).toHaveCount(0);
  });

  test('a second file in a folder, imported by the handler, runs on Test', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.showFiles();
    await page.getByTestId('files.new').click();
    await editor.pathInput.fill('helpers/../greet.py');
    await expect(editor.pathMessage).toContainText('not allowed');
    await expect(editor.pathInput).toHaveAttribute('aria-invalid', 'true');
    await editor.pathInput.fill('helpers/greet.py');
    await editor.pathInput.press('Enter');
    await expect(editor.file('helpers')).toHaveAttribute('aria-expanded', 'true');
    await expect(editor.file('helpers/greet.py')).toHaveAttribute('aria-selected', 'true');
    await editor.pasteEditorText('editor.code', 'def greet(name):\n    return f"Hi {name}, from helpers"\n');
    await editor.openFile('lambda_function.py');
    await editor.pasteEditorText(
      'editor.code',
      'from helpers.greet import greet\n\n\ndef lambda_handler(event, context):\n    return greet(event["name"])\n',
    );
    await editor.testButton.click();
    await expect(editor.resultStatus).toHaveText('Succeeded');
    await expect(editor.resultResponse).toContainText('Hi student, from helpers');

    // The handler's file is never deleted without a second, explicit confirmation.
    await editor.file('lambda_function.py').click();
    await page.getByTestId('files.delete').click();
    await expect(page.getByTestId('files.confirm')).toContainText('It holds the handler');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(editor.file('lambda_function.py')).toBeVisible();
  });

  test('Ctrl/Cmd+S deploys, and the next Test is a cold start with an Init Duration', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.testButton.click();
    await expect(editor.resultStatus).toHaveText('Succeeded');
    await expect.poll(() => editor.reportLine()).toContain('Init Duration');
    const firstId = await page.getByTestId('result.requestId').textContent();
    await editor.testButton.click();
    await expect(page.getByTestId('result.requestId')).not.toHaveText(firstId ?? '');
    await expect.poll(() => editor.reportLine()).not.toContain('Init Duration');

    await editor.cursorAtEnd();
    await page.keyboard.type('# a change worth deploying');
    // Read after the whole dispatch (Monaco may stop the event before it bubbles to the page).
    await page.evaluate(() => {
      const listener = (e: KeyboardEvent) => {
        if (e.key.toLowerCase() !== 's') return;
        window.removeEventListener('keydown', listener, true);
        setTimeout(() => document.body.setAttribute('data-save-prevented', String(e.defaultPrevented)), 0);
      };
      window.addEventListener('keydown', listener, true);
    });
    await page.keyboard.press('ControlOrMeta+S');
    await expect(page.locator('body'), "the browser's save dialog is not opened").toHaveAttribute(
      'data-save-prevented',
      'true',
    );
    await expect(editor.deployStatus).toContainText('the next invoke is a cold start');
    await page.keyboard.press('ControlOrMeta+S');
    await expect(editor.deployStatus).toContainText('No changes');

    const secondId = await page.getByTestId('result.requestId').textContent();
    await editor.testButton.click();
    await expect(page.getByTestId('result.requestId')).not.toHaveText(secondId ?? '');
    await expect.poll(() => editor.reportLine()).toContain('Init Duration');
  });

  test('suggests context members after context., and explains them', async ({ page }) => {
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.pasteEditorText('editor.code', 'def lambda_handler(event, context):\n    return ');
    await editor.cursorAtEnd();
    await page.keyboard.type('context.');
    await expect(editor.suggestions).toBeVisible();
    await expect(editor.suggestions).toContainText('aws_request_id');
    await expect(editor.suggestions).toContainText('get_remaining_time_in_millis');
    await page.keyboard.type('aws_req');
    await page.keyboard.press('Enter');
    await expect(editor.code).toContainText('return context.aws_request_id');
    // The documented keyboard way to read the explanation under the cursor.
    await page.keyboard.press('ControlOrMeta+K');
    await page.keyboard.press('ControlOrMeta+I');
    await expect(page.getByRole('tooltip', { name: /context\.aws_request_id/ })).toContainText(
      'START, END and REPORT',
    );
    await page.keyboard.press('Escape');
    await editor.cursorAtEnd();

    await page.keyboard.press('Enter');
    await page.keyboard.type('x = event[');
    await expect(editor.suggestions).toContainText('name');
  });

  test('keyboard: Alt+F1 opens the help, the tab trap can be released, screen-reader mode is remembered', async ({
    page,
  }) => {
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.cursorAtEnd();
    await page.keyboard.press('Alt+F1');
    await expect(page.getByTestId('editor.help')).toBeVisible();
    await expect(page.getByTestId('editor.help')).toContainText('leave the editor');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('editor.help')).toBeHidden();

    // Tab indents by default; after the documented toggle, Tab moves focus out of the editor.
    await editor.cursorAtEnd();
    const isMac = process.platform === 'darwin';
    await page.keyboard.press(isMac ? 'Control+Shift+M' : 'Control+M');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('[data-testid="editor.code"]') === null),
    ).toBe(true);

    await page.getByTestId('editor.screen-reader').check();
    await page.reload();
    await expect(editor.code.locator('.view-lines')).toBeVisible({ timeout: 180_000 });
    await expect(page.getByTestId('editor.screen-reader')).toBeChecked();
    expect(await page.evaluate(() => localStorage.getItem('lambda-lab.editor.a11y'))).toBe('on');
  });
});
