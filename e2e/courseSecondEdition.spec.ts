/**
 * The second edition's browser pieces, on one page: a lesson's demo plays for a learner outside
 * instructor mode, and the packaging exercise builds a real .zip to download.
 */
import { expect, test } from '@playwright/test';
import { LabPage } from './pages/labPage';

test('a lesson demo plays without instructor mode; the Package panel measures and downloads a .zip', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForEditors();
  await page.getByTestId('course.contents').click();
  await page.getByTestId('nav.lesson').filter({ hasText: 'handler' }).first().click();
  await lab.waitForPython();

  const demo = page.getByTestId('lesson.demo').first();
  await demo.scrollIntoViewIfNeeded();
  await demo.click();
  const player = page.getByTestId('lesson.demo.player');
  await expect(player.getByTestId('demo.player')).toBeVisible();
  await expect(player.getByTestId('demo.progress')).toHaveText(/^Step 0 of \d+$/);
  await player.getByTestId('demo.step').click();
  await expect(player.getByTestId('demo.progress')).toHaveText(/^Step 1 of \d+$/, { timeout: 60_000 });
  await expect(player.getByTestId('demo.error')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('lesson-demo.png') });

  await page.getByTestId('course.contents').click();
  await page.getByTestId('nav.lesson').filter({ hasText: 'Packaging' }).first().click();
  const starter = page.getByTestId('exercise.starter').first();
  await starter.scrollIntoViewIfNeeded();
  await starter.click();
  // With Python ready the starter's code arrives once the exercise's world is built.
  await expect(page.getByTestId('workspace.function')).toHaveValue('invoice-pdf');
  await page.getByTestId('exercise.package.measure').click();
  const invoice = page.locator('.course-package-fn[data-function="invoice-pdf"]');
  await expect(invoice).toContainText('modeled: pandas 70 MB');
  await expect(page.locator('.course-package-fn[data-function="scan-reader"] .bad')).toHaveCount(2);
  const download = page.waitForEvent('download');
  await invoice.getByTestId('exercise.package.download').click();
  expect((await download).suggestedFilename()).toBe('invoice-pdf.zip');
  for (const [width, height] of [
    [1366, 768],
    [1280, 720],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.getByTestId('exercise.package').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`package-panel-${width}.png`) });
  }
});
