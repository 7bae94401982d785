import { expect, type Locator, type Page } from '@playwright/test';

export type ResourceTab = 's3' | 'sqs' | 'ddb' | 'sns' | 'api' | 'ws' | 'url';

/** The Resources view in the output column: the learner's buckets, queues, tables, topics and APIs. */
export class ResourcesPage {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('resources');
  }

  private id(testId: string): Locator {
    return this.panel.getByTestId(testId);
  }

  async open(tab: ResourceTab = 's3') {
    if (!(await this.panel.isVisible())) await this.page.getByTestId('output.resources').click();
    await expect(this.panel).toBeVisible();
    await this.id(`resources.tab.${tab}`).click();
    await expect(this.id(`resources.tab.${tab}`)).toHaveAttribute('aria-selected', 'true');
  }

  /** Types a name into a service's Create form and waits for the console's answer. */
  async create(service: ResourceTab, name: string) {
    await this.id(`resources.${service}.create.name`).fill(name);
    await this.id(`resources.${service}.create`).click();
    await expect(this.id(`resources.${service}.create.ok`)).toContainText(name);
  }

  /** Drops a real file on the bucket's drop zone, as dragging it from the desktop does. */
  async dropFile(bucket: string, name: string, text: string, mimeType = 'text/plain') {
    const zone = this.panel.locator(`[data-testid="resources.s3.drop"][data-bucket="${bucket}"]`);
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, body, type]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([body], fileName, { type }));
        return dt;
      },
      [name, text, mimeType] as const,
    );
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  }

  async addBucketNotification(functionName: string) {
    await this.id('resources.s3.trigger.function').selectOption(functionName);
    await this.id('resources.s3.trigger.add').click();
    await expect(this.id('resources.s3.trigger.ok')).toContainText(`invoke ${functionName}`);
  }

  get uploadOk(): Locator {
    return this.id('resources.s3.upload.ok');
  }

  get objects(): Locator {
    return this.id('resources.s3.objects');
  }

  get queueCounts(): Locator {
    return this.id('resources.sqs.counts');
  }

  async sendMessage(body: string, attribute?: { name: string; value: string }) {
    await this.id('resources.sqs.body').fill(body);
    if (attribute) {
      await this.panel.getByRole('button', { name: 'Add attribute' }).click();
      await this.panel.getByLabel('Attribute 1 name').fill(attribute.name);
      await this.panel.getByLabel('Attribute 1 value').fill(attribute.value);
    }
    await this.id('resources.sqs.send').click();
    await expect(this.id('resources.sqs.send.ok')).toContainText('Sent message');
  }

  get itemGrid(): Locator {
    return this.id('resources.ddb.grid');
  }

  get itemEditor(): Locator {
    return this.id('resources.ddb.editor');
  }

  get itemError(): Locator {
    return this.id('resources.ddb.error');
  }

  async newItem(json: string) {
    await this.id('resources.ddb.new').click();
    await this.itemEditor.fill(json);
    await this.id('resources.ddb.save').click();
  }

  /** Opens the editor of the item whose partition key reads `key`. */
  async editItem(key: string) {
    await this.itemGrid.locator(`tr[data-key="${key}"]`).getByTestId('resources.ddb.edit').click();
    await expect(this.itemEditor).toBeVisible();
  }

  async saveItem(json: string) {
    await this.itemEditor.fill(json);
    await this.id('resources.ddb.save').click();
  }

  async subscribeFunction(functionName: string) {
    await this.id('resources.sns.subscribe.function').selectOption(functionName);
    await this.id('resources.sns.subscribe').click();
    await expect(this.id('resources.sns.subscribe.ok')).toContainText(`Subscribed ${functionName}`);
  }

  async publish(message: string) {
    await this.id('resources.sns.message').fill(message);
    await this.id('resources.sns.publish').click();
  }

  get publishOk(): Locator {
    return this.id('resources.sns.publish.ok');
  }

  async createApi(functionName: string) {
    await this.id('resources.api.create.function').selectOption(functionName);
    await this.id('resources.api.create').click();
    await expect(this.id('resources.api.create.ok')).toContainText(`${functionName}-API`);
  }

  get apiUrl(): Locator {
    return this.id('resources.api.url');
  }

  get apiStatus(): Locator {
    return this.id('resources.api.status');
  }

  get apiResponse(): Locator {
    return this.id('resources.api.response');
  }

  async sendApiRequest(request: { method?: string; query?: string; body?: string } = {}) {
    if (request.method) await this.id('resources.api.method').selectOption(request.method);
    if (request.query !== undefined) await this.id('resources.api.query').fill(request.query);
    if (request.body !== undefined) await this.id('resources.api.body').fill(request.body);
    await this.id('resources.api.send').click();
  }
}
