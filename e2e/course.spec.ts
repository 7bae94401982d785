import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/labPage';

const SOLUTION = readFileSync(
  'lessons/02-handler/exercises/hello-structured/solution/lambda_function.py',
  'utf8',
);

test('an exercise: load the starter, fail a check with feedback, fix the code, pass every check', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForEditors();
  await page.getByTestId('course.contents').click();
  await page.getByTestId('nav.lesson').filter({ hasText: 'handler' }).first().click();
  const exercise = page.getByTestId('exercise.starter').first();
  await exercise.scrollIntoViewIfNeeded();
  await exercise.click();
  await expect(page.getByTestId('workspace.undo')).toBeVisible();
  await lab.waitForPython();

  // The starter is not a solution: a check fails and says why.
  await page.getByTestId('exercise.check').first().click();
  const results = page.getByTestId('exercise.result');
  await expect(results.first()).toBeVisible({ timeout: 90_000 });
  await expect(page.locator('[data-testid="exercise.result"][data-passed="false"]').first()).toBeVisible();

  await lab.pasteEditorText('editor.code', SOLUTION);
  await page.getByTestId('exercise.check').first().click();
  await expect(page.getByTestId('exercise.status').first()).toContainText(/passed/i, { timeout: 90_000 });
  await expect(page.locator('[data-testid="exercise.result"][data-passed="false"]')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('exercise-passed.png') });
});

test('a lesson snippet runs, "open in the lab" loads a prepared world whose function runs warm on the second Test, and the SQS starter finds its table', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForEditors();
  await page.getByTestId('course.contents').click();
  await page.getByTestId('nav.lesson').filter({ hasText: 'handler' }).first().click();
  await lab.waitForPython();

  const snippet = page.getByTestId('snippet.run').first();
  await snippet.scrollIntoViewIfNeeded();
  await snippet.click();
  await expect(lab.resultStatus).toHaveText('Succeeded');

  const open = page.getByTestId('lesson.open').first();
  await open.scrollIntoViewIfNeeded();
  await open.click();
  await expect(page.getByTestId('notice')).toContainText('Opened the world');
  await expect(page.getByTestId('workspace.function')).toHaveValue('hello');
  await lab.testButton.click();
  await expect(lab.resultStatus).toHaveText('Succeeded');
  await expect(page.getByTestId('result.summary')).toContainText('cold start');
  await lab.testButton.click();
  await expect(page.getByTestId('result.summary')).toContainText('warm');
  await expect(lab.resultLogs).toContainText('Version: $LATEST');

  // Loading an exercise's starter builds its own resources: Test on the SQS starter reaches its table.
  await page.getByTestId('course.contents').click();
  await page.getByTestId('nav.lesson').filter({ hasText: 'push and poll' }).first().click();
  const card = page.locator('.course-exercise').filter({ hasText: 'An SQS batch with partial failures' });
  await card.getByTestId('exercise.starter').scrollIntoViewIfNeeded();
  await card.getByTestId('exercise.starter').click();
  await expect(page.getByTestId('workspace.function')).toHaveValue('process-orders');
  await lab.testButton.click();
  await expect(lab.resultStatus).toHaveText('Succeeded');
  await expect(lab.resultResponse).toContainText('batchItemFailures');
  await expect(lab.resultLogs).not.toContainText('ResourceNotFoundException');
});
