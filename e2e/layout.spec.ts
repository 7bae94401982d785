import { expect, type Locator, type Page, test } from '@playwright/test';
import { LabPage } from './pages/labPage';

/** How many columns of code the handler editor shows, from Monaco's own text metrics. */
async function visibleColumns(page: Page): Promise<number> {
  return page.getByTestId('editor.code').evaluate((host) => {
    const line = host.querySelector('.view-line span');
    const text = host.querySelector<HTMLElement>('.editor-scrollable');
    if (!line?.textContent || !text) return 0;
    const charWidth = line.getBoundingClientRect().width / line.textContent.length;
    // The text area, less the vertical scrollbar that sits over its right edge.
    return Math.floor((text.getBoundingClientRect().width - 10) / charWidth);
  });
}

async function pageScroll(page: Page) {
  return page.evaluate(() => ({
    overflow: document.documentElement.scrollHeight - innerHeight,
    scrollY,
    headerTop: document.querySelector('.app-header')?.getBoundingClientRect().top ?? -1,
  }));
}

/** How far an element's content reaches past its box sideways (0: nothing to scroll to). */
async function sidewaysOverflow(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((el) => el.scrollWidth - el.clientWidth);
}

async function expectInWindow(page: Page, testId: string) {
  const box = await page.getByTestId(testId).boundingBox();
  const size = page.viewportSize();
  expect(box, `${testId} has a box`).not.toBeNull();
  if (!box || !size) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${testId} right edge`).toBeLessThanOrEqual(size.width);
  expect(box.y + box.height, `${testId} bottom edge`).toBeLessThanOrEqual(size.height);
}

test('the lab fits a laptop, a projector and a phone, with 80 columns of code and Test in reach', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForEditors();
  const headerHeight = (await page.locator('.app-header').boundingBox())?.height;
  await lab.waitForPython();
  // Python's status changed from booting to ready: the header kept its one line.
  expect((await page.locator('.app-header').boundingBox())?.height).toBe(headerHeight);

  await page.getByTestId('course.contents').click();
  await page.getByTestId('nav.lesson').filter({ hasText: 'push and poll' }).first().click();
  await page
    .locator('.course-exercise')
    .filter({ hasText: 'An SQS batch' })
    .getByTestId('exercise.starter')
    .click();
  await expect(page.getByTestId('workspace.function')).toHaveValue('process-orders');
  // One file: the tree is folded away and the code has the room.
  await expect(page.getByRole('tree', { name: '/var/task' })).toHaveCount(0);
  await expect(page.getByTestId('lesson')).toBeVisible();
  expect(await visibleColumns(page)).toBeGreaterThanOrEqual(80);
  expect(await pageScroll(page)).toEqual({ overflow: 0, scrollY: 0, headerTop: 0 });
  await page
    .getByTestId('editor.code')
    .locator('.view-lines')
    .click({ position: { x: 200, y: 300 } });
  expect(await pageScroll(page)).toEqual({ overflow: 0, scrollY: 0, headerTop: 0 });
  await expectInWindow(page, 'test.run');

  // The side divider follows the arrow keys, and stops before the code loses its 80 columns.
  const side = page.locator('.layout > .side');
  const before = (await side.boundingBox())?.width ?? 0;
  await page.getByTestId('layout.side-splitter').focus();
  await page.keyboard.press('ArrowRight');
  const narrower = (await side.boundingBox())?.width ?? 0;
  expect(narrower).toBeLessThan(before);
  await page.keyboard.press('ArrowLeft');
  expect((await side.boundingBox())?.width ?? 0).toBeGreaterThan(narrower);
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft');
  expect(await visibleColumns(page)).toBeGreaterThanOrEqual(80);
  await expectInWindow(page, 'test.run');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectInWindow(page, 'test.run');

  // The visualizers' large view takes the window below the header; Escape brings the column back.
  await page.getByRole('tab', { name: 'Visualizers' }).click();
  await page.getByTestId('viz.large').click();
  const large = await page.getByTestId('viz.panel').boundingBox();
  expect(large?.width ?? 0).toBeGreaterThan(1300);
  expect(large?.height ?? 0).toBeGreaterThan(650);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('viz.panel')).toHaveAttribute('data-large', 'false');
  await page.getByRole('tab', { name: 'Result' }).click();

  await page.setViewportSize({ width: 1280, height: 720 });
  await expectInWindow(page, 'test.run');
  // The projector's header holds every tool on its one line.
  expect(await sidewaysOverflow(page, '.header-tools')).toBe(0);
  await expectInWindow(page, 'ui.theme');
  expect((await pageScroll(page)).overflow).toBe(0);

  // A phone: one column, and Test floats within reach wherever the page is scrolled.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('layout')).toHaveAttribute('data-stacked', 'true');
  expect((await pageScroll(page)).overflow).toBe(0);
  // The header's tools open from a Menu, in rows inside the window: nothing scrolls sideways.
  expect(await sidewaysOverflow(page, '.app-header')).toBe(0);
  await expectInWindow(page, 'header.menu');
  await page.getByTestId('header.menu').click();
  for (const tool of ['clock', 'workspace.menu', 'instructor.toggle', 'ui.theme'])
    await expectInWindow(page, tool);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('header.menu-panel')).toBeHidden();
  await expectInWindow(page, 'test.run');
  await page.getByTestId('layout').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expectInWindow(page, 'test.run');
  await page.getByTestId('test.run').click();
  await expect(lab.resultStatus).toBeVisible();
});

test('skip links reach the test event and the output', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  // The first Tab of a page that has drawn (a Tab before React renders lands on nothing).
  await lab.waitForEditors();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the test event' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#test-event')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.getByRole('link', { name: 'Skip to the output' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#output')).toBeFocused();
});

/**
 * Text under `min` px as drawn: each element with its own text, its computed size times any CSS zoom and
 * SVG scaling on the way to the screen. Visually hidden helpers and the playback's time readout (for the
 * presenter, not the room) are left out.
 */
async function smallText(scope: Locator, min = 19.5): Promise<string[]> {
  return scope.evaluate((root, limit) => {
    const out: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement | SVGElement>('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      const box = el.getBoundingClientRect();
      if (!own || box.width <= 1 || box.height <= 1 || el.closest('.viz-controls output')) continue;
      if (el.closest('option, [hidden], details:not([open]) > :not(summary)')) continue;
      const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
      const svgScale = el instanceof SVGGraphicsElement ? (el.getScreenCTM()?.a ?? 1) / zoom : 1;
      const px = Number.parseFloat(getComputedStyle(el).fontSize) * zoom * svgScale;
      if (px < limit) out.push(`${px.toFixed(1)} px: ${el.textContent?.trim().slice(0, 30)}`);
    }
    return out;
  }, min);
}

/** The element is drawn whole inside the presenter's body without scrolling: above the fold. */
async function expectAboveFold(page: Page, target: Locator) {
  const box = await target.boundingBox();
  const body = await page.getByTestId('presenter').locator('.presenter-body').boundingBox();
  expect(box && body, 'chart and body have boxes').toBeTruthy();
  if (!box || !body) return;
  expect(box.y).toBeGreaterThanOrEqual(body.y);
  expect(box.y + box.height, 'chart bottom').toBeLessThanOrEqual(Math.min(body.y + body.height, 720) + 1);
}

test('Present mode at 1280x720: demo and lab visualizers above the fold, charts, logs and summaries at least 20 px', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/?instructor=1');
  await expect(page.getByTestId('python.status')).toHaveAttribute('data-state', 'ready', {
    timeout: 120_000,
  });
  // Something of the learner's own to show: Test, a quiet quarter hour, Test.
  await page.getByTestId('test.run').click();
  await expect(page.getByTestId('result.status')).toBeVisible();
  await page.getByTestId('clock.skip').click();
  await page.getByTestId('test.run').click();
  await page.getByTestId('instructor.present').click();
  const presenter = page.getByTestId('presenter');
  await presenter.focus();

  // The lab's visualizers in their large view.
  await page.getByTestId('presenter.visualizers').click();
  const labViz = presenter.getByTestId('viz.panel');
  await expect(labViz).toHaveAttribute('data-large', 'true');
  // The quiet quarter hour reaped the first environment: the second Test has a row of its own.
  await expect(labViz.getByTestId('timeline.row')).toHaveCount(2, { timeout: 60_000 });
  await expect(labViz.getByTestId('timeline.break')).not.toHaveCount(0);
  await expectAboveFold(page, labViz.getByTestId('timeline.concurrency'));
  expect(await smallText(presenter.locator('.presenter-body'))).toEqual([]);
  // The zoom keys act on the focused chart and leave the segment where it is.
  const segment = await page.getByTestId('presenter.title').textContent();
  await labViz.getByTestId('timeline.drawing').focus();
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowRight');
  await expect(labViz.getByTestId('timeline.zoom')).toHaveAttribute('data-zoom', '2');
  await expect(page.getByTestId('presenter.title')).toHaveText(segment ?? '');

  // A demo that shows its logs: the log lines at projector size too.
  await presenter.focus();
  const logsTab = page.getByTestId('presenter.demo.hello-world');
  for (let i = 0; i < 12 && (await logsTab.count()) === 0; i++) await page.keyboard.press('ArrowRight');
  await logsTab.click();
  const logsDemo = presenter.getByTestId('demo.player');
  await logsDemo.getByTestId('demo.run').click();
  await expect(logsDemo).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  await expect(logsDemo.getByTestId('demo.logs')).toContainText('REPORT RequestId');
  expect(await smallText(presenter.locator('.presenter-body'))).toEqual([]);

  // Push against poll: both lanes side by side, whole on screen, their labels at 20 px too.
  await presenter.focus();
  const lanesTab = page.getByTestId('presenter.demo.sqs-batch-size');
  for (let i = 0; i < 12 && (await lanesTab.count()) === 0; i++) await page.keyboard.press('ArrowRight');
  await lanesTab.click();
  const lanesDemo = presenter.getByTestId('demo.player');
  await lanesDemo.getByTestId('demo.run').click();
  await expect(lanesDemo).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  for (const lane of ['lanes.push', 'lanes.poll']) await expectAboveFold(page, lanesDemo.getByTestId(lane));
  expect(await smallText(presenter.locator('.presenter-body'))).toEqual([]);

  // A demo: its chart on the left, the narration beside it, its key moments in one strip.
  await presenter.focus();
  const demoTab = page.getByTestId('presenter.demo.cold-vs-warm');
  for (let i = 0; i < 12 && (await demoTab.count()) === 0; i++) await page.keyboard.press('ArrowRight');
  await demoTab.click();
  const demo = presenter.getByTestId('demo.player');
  await demo.getByTestId('demo.run').click();
  await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  await expect(demo.getByTestId('timeline')).toBeVisible();
  await expectAboveFold(page, demo.getByTestId('timeline.concurrency'));
  const moments = demo.getByTestId('moments.item');
  await expect(moments).toHaveCount(4);
  expect(await moments.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.kind))).toEqual([
    'cold',
    'warm',
    'idle',
    'cold',
  ]);
  await expectAboveFold(page, demo.getByTestId('moments'));
  expect(await smallText(presenter.locator('.presenter-body'))).toEqual([]);
});
