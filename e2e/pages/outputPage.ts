import { expect, type Locator, type Page } from '@playwright/test';

export type OutputView = 'logs' | 'metrics' | 'bill';

/** The Logs, Metrics and Bill views in the output column. */
export class OutputPage {
  readonly logs: Locator;
  readonly metrics: Locator;
  readonly bill: Locator;

  constructor(readonly page: Page) {
    this.logs = page.getByTestId('logs');
    this.metrics = page.getByTestId('metrics');
    this.bill = page.getByTestId('bill');
  }

  async open(view: OutputView) {
    const panel = this[view];
    if (!(await panel.isVisible())) await this.page.getByTestId(`output.${view}`).click();
    await expect(panel).toBeVisible();
  }

  async chooseLogGroup(name: string) {
    await this.logs.getByTestId('logs.group').selectOption(name);
  }

  get streams(): Locator {
    return this.logs.getByTestId('logs.stream');
  }

  /** The log lines shown, exactly as the service wrote them. */
  get lines(): Locator {
    return this.logs.locator('[data-testid="logs.line"] .log-msg');
  }

  async filterByRequestId(requestId: string) {
    await this.logs.getByTestId('logs.filter.requestId').fill(requestId);
  }

  async filterByText(text: string) {
    await this.logs.getByTestId('logs.filter').fill(text);
  }

  /** Request ids of the START lines shown, oldest first. */
  async startedRequestIds(): Promise<string[]> {
    const texts = await this.lines.allTextContents();
    return texts.flatMap((t) => /^START RequestId: ([0-9a-f-]+)/.exec(t)?.[1] ?? []);
  }

  chart(metric: string): Locator {
    return this.metrics.locator(`[data-testid="metrics.chart"][data-metric="${metric}"]`);
  }

  get billTotal(): Locator {
    return this.bill.getByTestId('bill.total');
  }
}
