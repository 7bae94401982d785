import { expect, type Locator, type Page } from '@playwright/test';

/** Instructor mode as the instructor meets it: the bar, the projector layout, the notes window, a demo. */
export class InstructorPage {
  readonly bar: Locator;
  readonly timer: Locator;
  readonly segment: Locator;
  readonly presenter: Locator;
  readonly demo: Locator;

  constructor(readonly page: Page) {
    this.bar = page.getByTestId('instructor.bar');
    this.timer = page.getByTestId('instructor.timer').first();
    this.segment = page.getByTestId('instructor.segment').first();
    this.presenter = page.getByTestId('presenter');
    // The projector's player: the lab may show another one (same session) under the overlay.
    this.demo = this.presenter.getByTestId('demo.player');
  }

  async open(query = '?instructor=1') {
    await this.page.goto(`/${query}`);
  }

  async waitForPython() {
    await expect(this.page.getByTestId('python.status')).toHaveAttribute('data-state', 'ready', {
      timeout: 90_000,
    });
  }

  /** Whole seconds on the lecture timer. */
  async elapsedMs(): Promise<number> {
    return Number(await this.timer.getAttribute('data-elapsed-ms'));
  }

  async present() {
    await this.page.getByTestId('instructor.present').click();
    await expect(this.presenter).toBeVisible();
  }

  async expectSegment(index: number, title: string) {
    await expect(this.segment).toHaveAttribute('data-index', String(index));
    await expect(this.presenter.getByTestId('presenter.title')).toHaveText(title);
  }

  /** A demo's status once its step in flight (if any) has finished. */
  async expectDemo(status: string, next: number) {
    await expect(this.demo).toHaveAttribute('data-busy', 'false', { timeout: 90_000 });
    await expect(this.demo).toHaveAttribute('data-status', status, { timeout: 90_000 });
    await expect(this.demo).toHaveAttribute('data-next', String(next));
  }
}

/** The presenter's second window (`?presenter=notes`). */
export class NotesWindowPage {
  readonly now: Locator;
  readonly next: Locator;
  readonly segment: Locator;

  constructor(readonly page: Page) {
    this.now = page.getByTestId('notes.now.title');
    this.next = page.getByTestId('notes.next.title');
    this.segment = page.getByTestId('instructor.segment');
  }

  async open() {
    await this.page.goto('/?presenter=notes');
    await expect(this.page.getByTestId('notes.now')).toBeVisible();
  }
}
