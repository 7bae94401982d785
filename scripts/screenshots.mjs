#!/usr/bin/env node
// Makes docs/screenshots/: the main screens in both themes at 1366x768 (laptop), 1280x720 (projector)
// and 390x844 (phone). Serve a build first (npx vite preview --port 4173), then:
//   node scripts/screenshots.mjs [http://localhost:4173] [docs/screenshots]
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const base = process.argv[2] ?? 'http://localhost:4173';
const out = process.argv[3] ?? 'docs/screenshots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: (await findChromium()) ?? undefined,
  args: CHROMIUM_ARGS,
});

async function page(width, height, scheme, query = '') {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
  const p = await context.newPage();
  await p.goto(`${base}/${query}`);
  await p.locator('[data-testid="python.status"][data-state="ready"]').waitFor({ timeout: 180_000 });
  return p;
}

/** The SQS exercise's starter, run once with its own batch: code, lesson, event and result on one screen. */
async function lab(p) {
  await p.getByTestId('course.contents').click();
  await p.getByTestId('nav.lesson').filter({ hasText: 'push and poll' }).first().click();
  await p
    .locator('.course-exercise')
    .filter({ hasText: 'An SQS batch' })
    .getByTestId('exercise.starter')
    .click();
  await p.getByTestId('test.run').click();
  await p.getByTestId('result.status').waitFor();
  await p
    .getByTestId('editor.code')
    .locator('.view-lines')
    .click({ position: { x: 5, y: 5 } });
}

/** Present mode with the cold-against-warm demo run to its end. */
async function present(p) {
  await p.getByTestId('instructor.present').click();
  await p.getByTestId('presenter.title').waitFor();
  await p.getByTestId('presenter').focus();
  while ((await p.getByTestId('presenter.demo.cold-vs-warm').count()) === 0)
    await p.keyboard.press('ArrowRight');
  await p.getByTestId('presenter.demo.cold-vs-warm').click();
  const demo = p.getByTestId('presenter').getByTestId('demo.player');
  await demo.getByTestId('demo.run').click();
  await demo.and(p.locator('[data-status="done"][data-busy="false"]')).waitFor({ timeout: 180_000 });
  // The whole demo in the chart too (cold, warm, the folded idle half hour, cold again), played to its end.
  await demo.getByTestId('demo.viz.whole').check();
  await p.waitForTimeout(3500);
}

/** Present mode's Lab visualizers: the learner's Test, a quiet quarter hour, Test, in the large view. */
async function presentVisualizers(p) {
  await p.getByTestId('test.run').click();
  await p.getByTestId('result.status').waitFor();
  await p.getByTestId('clock.skip').click();
  await p.getByTestId('test.run').click();
  await p.getByTestId('instructor.present').click();
  await p.getByTestId('presenter.visualizers').click();
  await p.getByTestId('presenter').getByTestId('timeline.row').nth(1).waitFor({ timeout: 60_000 });
}

for (const scheme of ['light', 'dark']) {
  for (const [w, h, name] of [
    [1366, 768, 'laptop'],
    [1280, 720, 'projector'],
    [390, 844, 'phone'],
  ]) {
    const p = await page(w, h, scheme);
    await lab(p);
    await p.screenshot({ path: `${out}/lab-${name}-${w}x${h}-${scheme}.png` });
    if (name === 'phone') {
      // The header's tools, opened from its Menu.
      await p.getByTestId('header.menu').click();
      await p.screenshot({ path: `${out}/lab-phone-menu-${w}x${h}-${scheme}.png` });
    } else {
      // The visualizers' large view: the timeline of the run and its key moments across the window.
      await p.getByRole('tab', { name: 'Visualizers' }).click();
      await p.getByTestId('viz.large').click();
      await p.getByTestId('viz.view.timeline').waitFor();
      await p.waitForTimeout(1000);
      await p.screenshot({ path: `${out}/visualizers-${name}-${w}x${h}-${scheme}.png` });
    }
    await p.context().close();
  }
  let p = await page(1280, 720, scheme, '?instructor=1');
  await present(p);
  await p.screenshot({ path: `${out}/present-demo-1280x720-${scheme}.png` });
  await p.context().close();
  p = await page(1280, 720, scheme, '?instructor=1');
  await presentVisualizers(p);
  await p.screenshot({ path: `${out}/present-visualizers-1280x720-${scheme}.png` });
  await p.context().close();
}
await browser.close();
console.log(`screenshots in ${out}`);
