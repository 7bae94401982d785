import { expect, type Locator, type Page } from '@playwright/test';

/** The lab's first screen, as a user sees it. */
export class LabPage {
  readonly pythonStatus: Locator;
  readonly testButton: Locator;
  readonly eventError: Locator;
  readonly resultStatus: Locator;
  readonly resultResponse: Locator;
  readonly resultLogs: Locator;

  constructor(readonly page: Page) {
    this.pythonStatus = page.getByTestId('python.status');
    this.testButton = page.getByTestId('test.run');
    this.eventError = page.getByTestId('event.error');
    this.resultStatus = page.getByTestId('result.status');
    this.resultResponse = page.getByTestId('result.response');
    this.resultLogs = page.getByTestId('result.logs');
  }

  async open() {
    await this.page.goto('/');
  }

  async waitForPython() {
    await expect(this.pythonStatus).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  }

  async waitForEditors() {
    await expect(this.page.getByTestId('editor.code').locator('.view-lines')).toBeVisible();
    await expect(this.page.getByTestId('editor.event').locator('.view-lines')).toBeVisible();
  }

  /** Replaces an editor's text by typing, the way a user would (Monaco auto-closes brackets and quotes). */
  async replaceEditorText(testId: 'editor.code' | 'editor.event', text: string) {
    await this.page.getByTestId(testId).locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
  }

  /** Replaces an editor's text by pasting, as a user would with longer code (typing would auto-indent). */
  async pasteEditorText(testId: 'editor.code' | 'editor.event', text: string) {
    await this.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await this.page.evaluate((value) => navigator.clipboard.writeText(value), text);
    await this.page.getByTestId(testId).locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('ControlOrMeta+V');
  }
}
