import { expect, type Locator, type Page } from '@playwright/test';
import type { SectionKey as Section } from '../../src/ui/config/ConfigPanel';

/** The Configuration tab beside the code editor, as a user works with it. */
export class ConfigPage {
  readonly panel: Locator;
  readonly memory: Locator;
  readonly deployButton: Locator;
  readonly deployError: Locator;
  readonly envRows: Locator;
  readonly triggers: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('config');
    this.memory = page.getByTestId('config.memory');
    this.deployButton = page.getByTestId('config.deploy');
    this.deployError = page.getByTestId('config.deploy-error');
    this.envRows = page.getByTestId('config.env.row');
    this.triggers = page.getByTestId('config.trigger');
  }

  async open() {
    await this.page.getByRole('tab', { name: 'Configuration' }).click();
    await expect(this.panel).toBeVisible();
  }

  async section(name: Section) {
    await this.page.getByTestId(`config.nav.${name}`).click();
    await expect(this.page.getByTestId(`config.nav.${name}`)).toHaveAttribute('aria-current', 'true');
  }

  async setMemory(mb: number) {
    await this.section('general');
    await this.memory.fill(String(mb));
  }

  /** Adds a row and types its key and value; returns the row. */
  async addEnvVar(key: string, value: string): Promise<Locator> {
    await this.section('env');
    await this.page.getByTestId('config.env.add').click();
    const row = this.envRows.last();
    await row.getByTestId('config.env.key').fill(key);
    await row.getByTestId('config.env.value').fill(value);
    return row;
  }

  async attachManagedPolicy(name: string) {
    await this.section('permissions');
    await this.page.getByTestId(`config.role.managed.${name}`).check();
  }

  async addSqsTrigger(queue: string) {
    await this.section('triggers');
    await this.page.getByTestId('config.trigger.add').click();
    await this.page.getByTestId('config.trigger.source').selectOption('sqs');
    await this.page.getByTestId('config.trigger.new.queue').fill(queue);
    await this.page.getByTestId('config.trigger.confirm').click();
  }

  trigger(source: string): Locator {
    return this.triggers.filter({ hasText: source });
  }
}
