import { expect, test } from '@playwright/test';
import { InstructorPage, NotesWindowPage } from './pages/instructorPage';

test('instructor mode from the URL: the bar, a running pacing timer, notes in the lesson pane, and the setting kept', async ({
  page,
}) => {
  const ins = new InstructorPage(page);
  await ins.open();
  await expect(ins.bar).toBeVisible();
  // The first visit may wait for a cold dev server to compile the plan's modules.
  await expect(ins.segment).toContainText('1/10', { timeout: 120_000 });
  await expect(ins.segment).toContainText('Why serverless');
  await expect(ins.timer).toHaveAttribute('data-running', 'false');

  await page.getByTestId('instructor.timer.start').click();
  await expect(ins.timer).toHaveAttribute('data-running', 'true');
  await expect.poll(() => ins.elapsedMs(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2_000);
  await expect(page.getByTestId('instructor.pace')).toContainText('On time');
  await page.getByTestId('instructor.timer.pause').click();
  const paused = await ins.elapsedMs();
  await page.waitForTimeout(1_500);
  expect(await ins.elapsedMs()).toBe(paused);

  // Notes, tips and answers for the open lesson.
  const notes = page.getByTestId('instructor.notes');
  await expect(notes).toBeVisible();
  await expect(notes).toContainText('Talking points');
  await expect(notes).toContainText('Teaching tips');

  // The setting survives a reload without the switch, and ?instructor=0 turns it off.
  await page.goto('/');
  await expect(ins.bar).toBeVisible();
  await page.goto('/?instructor=0');
  await expect(page.getByTestId('instructor.toggle')).not.toBeChecked();
  await expect(ins.bar).toHaveCount(0);
  await page.getByTestId('instructor.toggle').check();
  await expect(ins.bar).toBeVisible();
});

test('the notes window stays in step with the projector through BroadcastChannel, both ways', async ({
  page,
  context,
}) => {
  const ins = new InstructorPage(page);
  await ins.open();
  await ins.present();
  await ins.expectSegment(0, 'Why serverless');
  await expect(ins.presenter.getByTestId('presenter.points')).toContainText('Pay per request');

  const notesPage = await context.newPage();
  const notes = new NotesWindowPage(notesPage);
  await notes.open();
  await expect(notes.now).toHaveText('Now: Why serverless');
  await expect(notes.next).toContainText('Handler, event and context');

  // The presenter moves on with the keyboard; the notes window follows.
  await page.bringToFront();
  await page.keyboard.press('ArrowRight');
  await ins.expectSegment(1, 'Handler, event and context');
  await expect(notes.now).toHaveText('Now: Handler, event and context');
  await expect(notesPage.getByTestId('notes.quiz')).toContainText('Pause point 1');
  await expect(notesPage.getByTestId('notes.answer').first()).toBeVisible();

  // The notes window moves the projector, and its timer start reaches it too.
  await notesPage.getByTestId('instructor.next').click();
  await ins.expectSegment(2, 'The execution environment');
  await notesPage.getByTestId('instructor.timer.start').click();
  await expect(ins.presenter.getByTestId('instructor.timer')).toHaveAttribute('data-running', 'true');

  for (const scheme of ['light', 'dark'] as const) {
    for (const p of [page, notesPage]) await p.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: test.info().outputPath(`presenter-${scheme}.png`) });
    await notesPage.screenshot({ path: test.info().outputPath(`notes-${scheme}.png`) });
  }

  await page.bringToFront();
  await page.keyboard.press('Escape');
  await expect(ins.presenter).toHaveCount(0);

  // The notes window never writes the lab's save: a change made in the lab survives the notes
  // window's own changes (the lab window is closed first, so it cannot write the save again).
  await page.getByTestId('ui.theme').selectOption('dark');
  const save = (p: typeof page) => p.evaluate(() => localStorage.getItem('lambda-lab.workspace') ?? '');
  await expect.poll(() => save(page)).toContain('"theme":"dark"');
  await page.close();
  await notesPage.getByTestId('instructor.prev').click();
  await expect(notes.segment).toHaveAttribute('data-index', '1');
  await notesPage.getByTestId('instructor.timer.reset').click();
  expect(await save(notesPage)).toContain('"theme":"dark"');
});

test('a demo steps (also from the notes window), runs the rest with one click, and replays in a fresh world', async ({
  page,
  context,
}) => {
  // Python boots, then the demo runs three times with reading pauses between its steps.
  test.slow();
  const ins = new InstructorPage(page);
  await ins.open();
  await ins.waitForPython();
  await ins.present();
  const notesPage = await context.newPage();
  await new NotesWindowPage(notesPage).open();
  await page.bringToFront();
  await page.keyboard.press('ArrowRight');
  await ins.expectSegment(1, 'Handler, event and context');
  await page.getByTestId('presenter.demo.hello-world').click();
  await expect(ins.demo).toHaveAttribute('data-demo-id', 'hello-world');
  await ins.expectDemo('ready', 0);

  // The notes window's Step reaches the projector's demo: one step, then it waits.
  await notesPage.getByTestId('notes.demo.step').click();
  await ins.expectDemo('paused', 1);
  await expect(ins.demo.getByTestId('demo.say')).toContainText('The handler');

  await ins.demo.getByTestId('demo.step').click();
  await ins.expectDemo('paused', 2);
  await expect(ins.demo.getByTestId('demo.lines')).toContainText('cold: Init Duration');
  await expect(ins.demo.getByTestId('demo.logs')).toContainText('INIT_START Runtime Version: python:3.12');
  await expect(ins.demo.getByTestId('demo.logs')).toContainText('Hello, Ada!');

  // One click runs the rest: the second invoke is warm.
  await ins.demo.getByTestId('demo.run').click();
  await ins.expectDemo('done', 3);
  await expect(ins.demo.getByTestId('demo.say')).toContainText('Second invoke');
  await expect(ins.demo.getByTestId('demo.lines')).toContainText('warm: no Init');
  await expect(ins.demo.getByTestId('demo.logs')).toContainText('REPORT RequestId');
  await expect(ins.demo.getByTestId('demo.logs')).not.toContainText('INIT_START');
  await expect(ins.demo).toHaveAttribute('data-cold-starts', '1');

  // Replay throws the world away and runs every step again: the first invoke is cold once more.
  await ins.demo.getByTestId('demo.replay').click();
  await expect(ins.demo).toHaveAttribute('data-cold-starts', '0');
  await ins.expectDemo('done', 3);
  await expect(ins.demo).toHaveAttribute('data-cold-starts', '1');

  // Pause while running: the step in flight finishes, the next one waits.
  await ins.demo.getByTestId('demo.replay').click();
  await expect(ins.demo).toHaveAttribute('data-status', 'running');
  await ins.demo.getByTestId('demo.pause').click();
  await expect(ins.demo).toHaveAttribute('data-status', 'paused');
  await expect(ins.demo).toHaveAttribute('data-busy', 'false');
  await expect(ins.demo).not.toHaveAttribute('data-next', '3');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: test.info().outputPath(`presenter-demo-${scheme}.png`) });
  }
});
