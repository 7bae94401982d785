import { expect, test } from '@playwright/test';
import { WorkspacePage } from './pages/workspacePage';

test('virtual time: pause holds the clock, +15 min reaps the idle environment so the next Test is cold', async ({
  page,
}) => {
  const lab = new WorkspacePage(page);
  await lab.open();
  await lab.waitForEditors();
  await lab.waitForPython();
  await lab.testButton.click();
  await expect(page.getByTestId('result.summary')).toContainText('(cold start)');
  await lab.testButton.click();
  await expect(page.getByTestId('result.summary')).toContainText('warm');
  await lab.pause();
  // The readout refreshes ten times a second: let it show the time the clock stopped at.
  await page.waitForTimeout(300);
  const paused = await lab.clockMs();
  await page.waitForTimeout(600);
  expect(await lab.clockMs()).toBe(paused);
  await lab.skipAhead();
  // The readout is a time of day: compare modulo one day. The skip runs after the click returns and the
  // readout refreshes ten times a second, so it is read until it shows the jump.
  await expect
    .poll(async () => ((await lab.clockMs()) - paused + 86_400_000) % 86_400_000)
    .toBeGreaterThanOrEqual(15 * 60_000);
  await lab.testButton.click();
  await expect(page.getByTestId('result.summary')).toContainText('(cold start)');
});

test('saved events: a template event is created, used by Test, shared as a link and opened elsewhere', async ({
  page,
  context,
}) => {
  const lab = new WorkspacePage(page);
  await lab.open();
  await lab.waitForEditors();
  await lab.newEvent('has space', 'Hello world');
  await expect(page.getByTestId('event.name-error')).toContainText('no spaces');
  await page.getByTestId('event.name').fill('upload');
  await page.getByTestId('event.template').selectOption({ label: 'S3 object created (ObjectCreated:Put)' });
  await page.getByTestId('event.create').click();
  await expect(lab.eventSelect).toHaveValue('upload');
  await expect(page.getByTestId('editor.event')).toContainText('ObjectCreated:Put');
  await lab.pasteEditorText(
    'editor.code',
    'def lambda_handler(event, context):\n    return event["Records"][0]["eventSource"]\n',
  );
  await lab.waitForPython();
  await lab.testButton.click();
  await expect(lab.resultResponse).toHaveText('"aws:s3"');

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('event.share').click();
  const url = await page.getByTestId('event.share-url').inputValue();
  expect(url).toContain('#event=');
  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByTestId('notice')).toContainText('Added the shared test event "upload-2"');
  await expect(other.getByTestId('event.select')).toHaveValue('upload-2');
  expect(new URL(other.url()).hash).toBe('');
});

test('export, reset with undo, and import bring a workspace back; a foreign file changes nothing', async ({
  page,
}) => {
  const lab = new WorkspacePage(page);
  await lab.open();
  await lab.waitForEditors();
  await lab.pasteEditorText(
    'editor.code',
    'def lambda_handler(event, context):\n    return "exported version"\n',
  );
  await expect(page.getByTestId('editor.code')).toContainText('exported version');
  const exported = await lab.exportWorkspace();
  expect(JSON.parse(exported)).toMatchObject({ format: 'lambda-lab-workspace' });

  await lab.resetWorkspace();
  await expect(page.getByTestId('editor.code')).toContainText('Greetings from Lambda Lab');
  await page.getByTestId('workspace.undo').click();
  await expect(page.getByTestId('editor.code')).toContainText('exported version');

  await lab.resetWorkspace();
  await lab.importWorkspace('notes.json', '{"hello": "world"}');
  await expect(page.getByTestId('workspace.import-error')).toContainText('not a Lambda Lab workspace export');
  await expect(page.getByTestId('editor.code')).toContainText('Greetings from Lambda Lab');
  await lab.importWorkspace('mine.json', exported);
  await expect(page.getByTestId('editor.code')).toContainText('exported version');
  await page.reload();
  await lab.waitForEditors();
  await expect(page.getByTestId('editor.code')).toContainText('exported version');
});

test('panels collapse and resize from the keyboard, and the sizes survive a reload', async ({ page }) => {
  // A wide window: at 1280 px the lesson is already as wide as the code's 80 columns allow.
  await page.setViewportSize({ width: 1600, height: 900 });
  const lab = new WorkspacePage(page);
  await lab.open();
  await lab.waitForEditors();
  const lesson = page.getByTestId('lesson');
  const before = (await lesson.boundingBox())?.width ?? 0;
  await page.getByTestId('layout.lesson-splitter').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await lesson.boundingBox())?.width ?? 0).toBeGreaterThan(before + 60);
  await page.keyboard.press('Enter');
  await expect(lesson).toBeHidden();
  await page.reload();
  await lab.waitForEditors();
  await expect(lesson).toBeHidden();
  await page.getByTestId('layout.lesson-toggle').click();
  await expect(lesson).toBeVisible();
  expect((await lesson.boundingBox())?.width ?? 0).toBeGreaterThan(before + 60);
});
