import { expect, type Locator, type Page } from '@playwright/test';
import { LabPage } from './labPage';

/** The handler editor: the /var/task file tree, Monaco with its markers and suggestions, Deploy. */
export class EditorPage extends LabPage {
  readonly code: Locator;
  readonly problems: Locator;
  readonly tree: Locator;
  readonly pathInput: Locator;
  readonly pathMessage: Locator;
  readonly fileNotice: Locator;
  readonly deployStatus: Locator;
  readonly suggestions: Locator;

  constructor(page: Page) {
    super(page);
    this.code = page.getByTestId('editor.code');
    this.problems = page.getByTestId('editor.problems');
    this.tree = page.getByRole('tree', { name: '/var/task' });
    this.pathInput = page.getByTestId('files.path');
    this.pathMessage = page.getByTestId('files.path-message');
    this.fileNotice = page.getByTestId('files.notice');
    this.deployStatus = page.getByTestId('workspace.deploy-status');
    this.suggestions = this.code.locator('.suggest-widget');
  }

  /** Python first: on a busy machine it and the editor chunk can each take a while. */
  async ready() {
    await this.open();
    await expect(this.pythonStatus).toHaveAttribute('data-state', 'ready', { timeout: 240_000 });
    await expect(this.code.locator('.view-lines')).toBeVisible({ timeout: 120_000 });
    await expect(this.problems).toHaveText('No syntax errors.', { timeout: 60_000 });
  }

  /** The tree starts folded away while the function has one file. */
  async showFiles() {
    const toggle = this.page.getByTestId('workspace.files-toggle');
    if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
    await expect(this.tree).toBeVisible();
  }

  file(path: string): Locator {
    return this.tree.locator(`[data-testid="files.item"][data-path="${path}"]`);
  }

  /** Adds a file through the tree's form, the way a user would. */
  async addFile(path: string) {
    await this.showFiles();
    await this.page.getByTestId('files.new').click();
    await this.pathInput.fill(path);
    await this.pathInput.press('Enter');
    await expect(this.file(path)).toHaveAttribute('aria-selected', 'true');
  }

  async openFile(path: string) {
    await this.file(path).click();
    await expect(this.file(path)).toHaveAttribute('aria-selected', 'true');
  }

  /** Puts the cursor at the end of the code. */
  async cursorAtEnd() {
    await this.code.locator('.view-lines').click();
    await this.page.keyboard.press('ControlOrMeta+End');
  }

  /** The last REPORT line of the latest result. */
  async reportLine(): Promise<string> {
    const logs = (await this.resultLogs.textContent()) ?? '';
    return (
      logs
        .split('\n')
        .filter((line) => line.startsWith('REPORT'))
        .at(-1) ?? ''
    );
  }
}
