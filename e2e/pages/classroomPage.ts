import { type ChildProcess, spawn } from 'node:child_process';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The classroom server for one spec: serves the built app (dist/), or with LAB_URL set proxies a dev
 * server, on a free loopback port. CLASSROOM_ENTRY names the page to open (default the app's root).
 */
export class ClassroomServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly output: () => string,
  ) {}

  /** What the server printed, for a failing test's report. */
  log(): string {
    return this.output();
  }

  static async start(): Promise<ClassroomServer> {
    const source = process.env.LAB_URL
      ? ['--proxy', process.env.LAB_URL]
      : ['--dir', process.env.LAB_E2E_DIST ?? 'dist'];
    const child = spawn(
      process.execPath,
      ['scripts/classroom.mjs', '--port', '0', '--host', '127.0.0.1', '--verbose', ...source],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`classroom server did not start:\n${output}`)), 30_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /On this machine:\s+(http:\/\/localhost:\d+)\//.exec(output);
        if (m?.[1]) {
          clearTimeout(timer);
          done(m[1]);
        }
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.once('exit', (code) => {
        output += `\n[exited with ${code}]`;
        fail(new Error(`classroom server exited (${code}):\n${output}`));
      });
    });
    return new ClassroomServer(child, url, () => output);
  }

  page(query: string): string {
    return `${this.url}${process.env.CLASSROOM_ENTRY ?? '/'}${query}`;
  }

  stop(): void {
    this.child.kill('SIGTERM');
  }
}

/** The instructor's live-class screen. */
export class InstructorPage {
  readonly code: Locator;
  readonly histogram: Locator;
  readonly roster: Locator;

  constructor(readonly page: Page) {
    this.code = page.getByTestId('classroom.code');
    this.histogram = page.getByTestId('classroom.histogram');
    this.roster = page.getByTestId('classroom.roster');
  }

  async open(server: ClassroomServer): Promise<string> {
    await this.page.goto(server.page('?classroom=instructor'));
    await this.page.getByTestId('classroom.open').click();
    await expect(this.code).toHaveAttribute('data-code', /^[2-9A-Z]{8}$/);
    return (await this.code.getAttribute('data-code')) ?? '';
  }

  /** Picks the first single-choice question of the course's first quiz and asks it. */
  async askFirstSingleChoice(): Promise<void> {
    const select = this.page.getByTestId('classroom.pick-question');
    const label = await select.locator('option', { hasText: '(single)' }).first().textContent();
    if (!label) throw new Error('the first quiz has no single-choice question');
    await select.selectOption({ label });
    await this.page.getByTestId('classroom.ask').click();
  }

  bar(choiceId: string): Locator {
    return this.page.locator(`[data-testid="classroom.bar"][data-bucket="${choiceId}"]`);
  }

  async reveal(): Promise<void> {
    await this.page.getByTestId('classroom.reveal-button').click();
    await expect(this.page.getByTestId('classroom.answer')).toBeVisible();
  }

  /** Exports the results and returns the CSV's text. */
  async exportCsv(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('classroom.export').click(),
    ]);
    const stream = await download.createReadStream();
    let text = '';
    for await (const chunk of stream) text += chunk.toString();
    return { name: download.suggestedFilename(), text };
  }
}

/** A student's device. */
export class StudentPage {
  readonly question: Locator;
  readonly sent: Locator;
  readonly reveal: Locator;
  readonly verdict: Locator;

  constructor(readonly page: Page) {
    this.question = page.getByTestId('classroom.question');
    this.sent = page.getByTestId('classroom.sent');
    this.reveal = page.getByTestId('classroom.reveal');
    this.verdict = page.getByTestId('classroom.verdict');
  }

  async open(server: ClassroomServer, code: string): Promise<void> {
    await this.page.goto(server.page(`?join=${code}`));
    await expect(this.page.getByTestId('classroom.code-input')).toHaveValue(code);
  }

  async join(server: ClassroomServer, code: string, name?: string): Promise<void> {
    await this.open(server, code);
    if (name) await this.page.getByTestId('classroom.name-input').fill(name);
    await this.page.getByTestId('classroom.join-button').click();
    await expect(this.page.getByTestId('classroom.waiting')).toBeVisible();
  }

  /** Types a code into the join form and joins; returns the refusal the page shows. */
  async refusedJoin(code: string): Promise<string> {
    await this.page.getByTestId('classroom.code-input').fill(code);
    await this.page.getByTestId('classroom.join-button').click();
    const error = this.page.getByTestId('classroom.error');
    await expect(error).toBeVisible();
    return (await error.textContent()) ?? '';
  }

  /** Picks the nth choice, sends it, and returns the choice's id. */
  async answerChoice(n: number): Promise<string> {
    const choice = this.question.locator('input[type="radio"]').nth(n);
    await choice.check();
    await this.page.getByTestId('classroom.send').click();
    await expect(this.sent).toContainText('Answer sent');
    return (await choice.getAttribute('value')) ?? '';
  }
}
