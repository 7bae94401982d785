import { expect, test } from '@playwright/test';
import { ClassroomServer, InstructorPage, StudentPage } from './pages/classroomPage';

let server: ClassroomServer;
test.beforeAll(async () => {
  server = await ClassroomServer.start();
});
test.afterEach(async () => {
  const info = test.info();
  if (info.status !== info.expectedStatus) await info.attach('classroom-server.log', { body: server.log() });
});
test.afterAll(() => server?.stop());

test('classroom: an instructor and two students run a live question end to end', async ({ browser }) => {
  // Three pages of the full app load side by side: give them the time of three single-page tests.
  test.setTimeout(300_000);
  const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
  const [teacherCtx, adaCtx, anonCtx] = contexts;
  if (!teacherCtx || !adaCtx || !anonCtx) throw new Error('three browser contexts expected');
  const teacher = new InstructorPage(await teacherCtx.newPage());
  const ada = new StudentPage(await adaCtx.newPage());
  const anon = new StudentPage(await anonCtx.newPage());

  const code = await teacher.open(server);
  await ada.join(server, code, 'Ada');
  // A mistyped code is refused where the student is looking; the right one then works.
  await anon.open(server, code);
  expect(await anon.refusedJoin(code === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ')).toContain(
    'No session has the code',
  );
  await anon.join(server, code);
  // The relay serves the app cross-origin isolated, like vite preview: Python's workers need it.
  expect(await ada.page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(teacher.roster).toContainText('2 joined, 2 connected');

  await teacher.askFirstSingleChoice();
  await expect(ada.question).toBeVisible();
  await expect(anon.question).toBeVisible();
  const adaPick = await ada.answerChoice(0);
  const anonPick = await anon.answerChoice(1);
  await expect(teacher.histogram).toHaveAttribute('data-answered', '2');
  await expect(teacher.bar(adaPick)).toHaveAttribute('data-count', '1');
  await expect(teacher.bar(anonPick)).toHaveAttribute('data-count', '1');
  const counts = await teacher.page
    .getByTestId('classroom.bar')
    .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-count'))));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(2);

  // A student who reloads keeps their seat and their answer; the count does not change.
  await anon.page.reload();
  await expect(anon.sent).toContainText('Answer sent');
  await expect(anon.page.locator(`input[value="${anonPick}"]`)).toBeChecked();
  await expect(teacher.roster).toContainText('2 joined, 2 connected');
  await expect(teacher.histogram).toHaveAttribute('data-answered', '2');

  await teacher.reveal();
  const right = await teacher.page
    .locator('[data-testid="classroom.bar"][data-correct="true"]')
    .getAttribute('data-bucket');
  await expect(ada.reveal).toBeVisible();
  await expect(anon.reveal).toBeVisible();
  await expect(ada.verdict).toHaveAttribute('data-correct', String(adaPick === right));
  await expect(anon.verdict).toHaveAttribute('data-correct', String(anonPick === right));

  const csv = await teacher.exportCsv();
  expect(csv.name).toMatch(new RegExp(`^lambda-lab-class-${code}-\\d{4}-\\d\\d-\\d\\d\\.csv$`));
  const rows = csv.text
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');
  expect(rows).toHaveLength(3);
  expect(rows[0]).toContain('"student_name","answer","correct"');
  expect(rows.find((r) => r.includes('"Ada"'))).toContain(`"${adaPick === right ? 'yes' : 'no'}"`);
  expect(rows.find((r) => r.includes('"Student 2"'))).toContain(`"${anonPick === right ? 'yes' : 'no'}"`);
  await Promise.all(contexts.map((c) => c.close()));
});
