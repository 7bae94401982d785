import { expect, type Locator, type Page } from '@playwright/test';
import { LabPage } from './labPage';

/** The workspace around the editor: layout, virtual time, saved test events, export, import and reset. */
export class WorkspacePage extends LabPage {
  readonly clockNow: Locator;
  readonly eventSelect: Locator;

  constructor(page: Page) {
    super(page);
    this.clockNow = page.getByTestId('clock.now');
    this.eventSelect = page.getByTestId('event.select');
  }

  /** The virtual clock's reading as epoch ms (it prints UTC time of day). */
  async clockMs(): Promise<number> {
    const text = (await this.clockNow.textContent()) ?? '';
    const match = /(\d\d):(\d\d):(\d\d)\.(\d\d\d)/.exec(text);
    if (!match) throw new Error(`The clock reads "${text}"`);
    const [, h, m, s, ms] = match.map(Number) as [number, number, number, number, number];
    return ((h * 60 + m) * 60 + s) * 1000 + ms;
  }

  async pause() {
    const play = this.page.getByTestId('clock.play');
    if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
    await expect(play).toHaveAttribute('aria-pressed', 'false');
  }

  async skipAhead() {
    await this.page.getByTestId('clock.skip').click();
    await expect(this.page.getByTestId('clock.skip')).toBeEnabled();
  }

  async newEvent(name: string, template: string) {
    await this.page.getByTestId('event.new').click();
    await this.page.getByTestId('event.name').fill(name);
    await this.page.getByTestId('event.template').selectOption({ label: template });
    await this.page.getByTestId('event.create').click();
  }

  async openMenu() {
    const summary = this.page.getByTestId('workspace.menu');
    const open = await summary.evaluate((el) => (el.parentElement as HTMLDetailsElement).open);
    if (!open) await summary.click();
  }

  async exportWorkspace(): Promise<string> {
    await this.openMenu();
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('workspace.export').click();
    const file = await download;
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    return readFile(path, 'utf8');
  }

  async importWorkspace(name: string, text: string) {
    await this.openMenu();
    await this.page
      .getByTestId('workspace.import-file')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  async resetWorkspace() {
    await this.openMenu();
    await this.page.getByTestId('workspace.reset').click();
    await this.page.getByTestId('workspace.reset-confirm').click();
  }
}
