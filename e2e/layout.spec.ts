import { expect, type Page, test } from '@playwright/test';
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
  expect((await pageScroll(page)).overflow).toBe(0);

  // A phone: one column, and Test floats within reach wherever the page is scrolled.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('layout')).toHaveAttribute('data-stacked', 'true');
  expect((await pageScroll(page)).overflow).toBe(0);
  await expectInWindow(page, 'test.run');
  await page.getByTestId('layout').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expectInWindow(page, 'test.run');
  await page.getByTestId('test.run').click();
  await expect(lab.resultStatus).toBeVisible();
});

test('skip links reach the test event and the output', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the test event' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#test-event')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.getByRole('link', { name: 'Skip to the output' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#output')).toBeFocused();
});

test('Present mode at 1280x720: the demo visualizer, its logs and its summary are at least 20 px', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/?instructor=1');
  await expect(page.getByTestId('python.status')).toHaveAttribute('data-state', 'ready', {
    timeout: 120_000,
  });
  await page.getByTestId('instructor.present').click();
  await page.getByTestId('presenter').focus();
  const demoTab = page.getByTestId('presenter.demo.cold-vs-warm');
  for (let i = 0; i < 12 && (await demoTab.count()) === 0; i++) await page.keyboard.press('ArrowRight');
  await demoTab.click();
  const demo = page.getByTestId('presenter').getByTestId('demo.player');
  await demo.getByTestId('demo.run').click();
  await expect(demo).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  await expect(demo.getByTestId('timeline')).toBeVisible();
  // Rendered size: the computed font size times any CSS zoom and SVG scaling on the way to the screen.
  const small = await demo.locator('.demo-body').evaluate((body) => {
    const out: string[] = [];
    for (const el of body.querySelectorAll<HTMLElement | SVGElement>('*')) {
      if (el.children.length > 0 || !el.textContent?.trim() || el.getBoundingClientRect().width === 0)
        continue;
      // The playback controls' time readout is for the presenter, not the room.
      if (el.closest('.playback-controls, [data-testid="playback"]') || el.tagName === 'OUTPUT') continue;
      const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
      const svgScale = el instanceof SVGGraphicsElement ? (el.getScreenCTM()?.a ?? 1) / zoom : 1;
      const px = Number.parseFloat(getComputedStyle(el).fontSize) * zoom * svgScale;
      if (px < 19.5) out.push(`${px.toFixed(1)} px: ${el.textContent.trim().slice(0, 30)}`);
    }
    return out;
  });
  expect(small).toEqual([]);
});
