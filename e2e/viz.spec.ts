/**
 * The visualizers, each drawn at fixed virtual times typed into its go-to field, with the key geometry read
 * from the DOM (spans against the time scale, tokens on their edges, lane counts against tokens). One page
 * per group, so Python boots once; screenshots are attached as artifacts.
 */
import { type Browser, expect, type Page, test } from '@playwright/test';
import { pointAlong } from '../src/viz/flow/layoutGraph';
import { LabPage } from './pages/labPage';
import { distanceToPolyline, parsePoints, VizPage } from './pages/vizPage';

test.describe.configure({ mode: 'serial' });

async function bootedPage(browser: Browser): Promise<{ page: Page; lab: LabPage; viz: VizPage }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const lab = new LabPage(page);
  await lab.open();
  // Generous: a loaded machine boots Python slowly, and the suite's first boot pays for the chunks.
  await expect(lab.pythonStatus).toHaveAttribute('data-state', 'ready', { timeout: 170_000 });
  return { page, lab, viz: new VizPage(page) };
}

const near = (a: number, b: number, tolerance = 0.6) => Math.abs(a - b) <= tolerance;

test.describe('visualizers of the learner world', () => {
  let page: Page;
  let lab: LabPage;
  let viz: VizPage;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    ({ page, lab, viz } = await bootedPage(browser));
    // A cold Test, then a warm one: one environment, two invocations.
    await lab.testButton.click();
    await expect(lab.resultStatus).toHaveText('Succeeded');
    await expect(page.getByTestId('result.summary')).toContainText('cold start');
    await lab.testButton.click();
    await expect(page.getByTestId('result.summary')).toContainText('warm');
    await viz.openPanel();
  });
  test.afterAll(async () => page?.close());

  test('timeline: spans sit on the time scale and are cut at the playhead', async () => {
    const info = test.info();
    await viz.openTab('timeline');
    const view = viz.view('timeline');
    await expect(view).toBeVisible();
    const figure = view.getByTestId('timeline');
    const end = await viz.goToEnd(view);
    await expect(figure.getByTestId('timeline.row')).toHaveCount(1);
    const scale = await viz.scaleOf(figure);
    const k = scale.width / (scale.toMs - scale.fromMs);
    const all = await viz.spans(figure);
    const invokes = all.filter((s) => s.kind === 'invoke');
    expect(invokes.map((s) => s.cold)).toEqual(['true', 'false']);
    expect(all.some((s) => s.kind === 'init-modeled')).toBe(true);
    expect(all.some((s) => s.kind === 'init-measured')).toBe(true);
    // Each span sits on the scale: x from its start, width from its length (an invoke is at least 1 px).
    for (const s of all) {
      const left = Math.max(s.startMs, scale.fromMs);
      const right = Math.min(s.endMs, scale.toMs);
      expect(near(s.x, scale.x0 + (left - scale.fromMs) * k)).toBe(true);
      expect(near(s.width, Math.max(s.kind === 'invoke' ? 1 : 0, (right - left) * k))).toBe(true);
    }
    const playheadAtEnd = Number(await figure.getByTestId('timeline.playhead').getAttribute('data-x'));
    expect(near(playheadAtEnd, scale.x0 + (end - scale.fromMs) * k)).toBe(true);
    // The warm invoke starts after the cold one ended, on the same row.
    expect(invokes[1]!.x).toBeGreaterThanOrEqual(invokes[0]!.x + invokes[0]!.width - 0.5);
    await viz.snap(view, 'timeline-end', info);

    // Halfway through the cold invoke: the cover over what has not happened starts at the playhead, so the
    // cold invoke shows up to there and the warm one lies under the cover.
    const cold = invokes[0]!;
    const warm = invokes[1]!;
    const mid = (cold.startMs + cold.endMs) / 2;
    const t = await viz.goTo(view, mid - scale.fromMs);
    const playhead = Number(await figure.getByTestId('timeline.playhead').getAttribute('data-x'));
    expect(near(playhead, scale.x0 + (t - scale.fromMs) * k)).toBe(true);
    expect(cold.x).toBeLessThan(playhead);
    expect(cold.x + cold.width).toBeGreaterThan(playhead);
    expect(warm.x).toBeGreaterThan(playhead);
    const box = await figure.getByTestId('timeline.playhead').boundingBox();
    const rows = await figure.locator('.viz-scroll svg').boundingBox();
    // On screen too: the cover's left edge sits at the playhead's x in the rows' drawing (within the
    // scroll box's 1 px border).
    expect(Math.abs(box!.x - rows!.x - playhead)).toBeLessThan(2.5);
    await viz.snap(view, 'timeline-mid-cold-invoke', info);
  });

  test('event flow: a request token travels along its edge, and clicking it shows its invocation', async () => {
    const info = test.info();
    await viz.openTab('flow');
    const view = viz.view('flow');
    await expect(view).toBeVisible();
    await expect(view.getByTestId('flow.node')).toHaveCount(2);
    // The cold request leaves the console when its environment is created and arrives after Init.
    await viz.goTo(view, 20);
    const token = view.getByTestId('flow.token').first();
    await expect(token).toHaveAttribute('data-outcome', 'pending');
    const edgeId = await token.getAttribute('data-edge-id');
    const edge = view.locator(`[data-testid="flow.edge"][data-edge-id="${edgeId}"]`);
    const points = parsePoints(await edge.getAttribute('points'));
    const x = Number(await token.getAttribute('data-x'));
    const y = Number(await token.getAttribute('data-y'));
    const progress = Number(await token.getAttribute('data-progress'));
    expect(progress).toBeGreaterThan(0);
    expect(progress).toBeLessThan(1);
    expect(distanceToPolyline(points, x, y)).toBeLessThan(0.5);
    const [ex, ey] = pointAlong(points, progress);
    expect(near(x, ex, 0.05) && near(y, ey, 0.05)).toBe(true);
    // Later, the same hop is further along.
    await viz.goTo(view, 60);
    const later = view.locator(
      `[data-testid="flow.token"][data-token-id="${await token.getAttribute('data-token-id')}"]`,
    );
    if ((await later.count()) > 0)
      expect(Number(await later.getAttribute('data-progress'))).toBeGreaterThan(progress);
    await viz.snap(view, 'flow-request-in-flight', info);

    await view.getByTestId('flow.token').first().click();
    const inspector = view.getByTestId('flow.inspector');
    await expect(inspector).toBeVisible();
    await expect(inspector.getByTestId('flow.inspector.event')).toContainText('requestId');
    await expect(inspector.getByTestId('flow.inspector.invocations')).toContainText('cold');
    await expect(inspector.getByTestId('flow.inspector.logs')).toContainText('START RequestId');
    await viz.snap(view, 'flow-inspector', info);
  });

  test('push vs poll: lane counts agree with the tokens drawn, and knobs change the run live', async () => {
    const info = test.info();
    await viz.openTab('pushpoll');
    const view = viz.view('pushpoll');
    await expect(view).toBeVisible();
    const count = async (lane: string, zone: string) =>
      Number(await view.getByTestId(`lanes.${lane}.${zone}`).getAttribute('data-count'));
    await viz.goToEnd(view);
    const events = Number(await view.getByTestId('viz.pushpoll.events').inputValue());
    const messages = Number(await view.getByTestId('viz.pushpoll.messages').inputValue());
    expect((await count('push', 'succeeded')) + (await count('push', 'failed'))).toBe(events);
    expect((await count('poll', 'deleted')) + (await count('poll', 'deadLettered'))).toBe(messages);
    expect(await count('poll', 'visible')).toBe(0);

    // Five seconds in, messages wait in the queue or are in flight: each token sits in its zone's box.
    await viz.goTo(view, 5000);
    for (const zone of ['visible', 'inflight'] as const) {
      const tokens = view.locator(`[data-testid="lanes.poll.token"][data-phase="${zone}"]`);
      await expect(tokens).toHaveCount(await count('poll', zone));
      const rect = view.getByTestId(`lanes.poll.${zone}`).locator('rect');
      const [rx, ry, rw, rh] = await Promise.all(
        ['x', 'y', 'width', 'height'].map(async (a) => Number(await rect.getAttribute(a))),
      );
      for (const c of await tokens.all()) {
        const cx = Number(await c.getAttribute('cx'));
        const cy = Number(await c.getAttribute('cy'));
        expect(cx >= rx! && cx <= rx! + rw! && cy >= ry! && cy <= ry! + rh!).toBe(true);
      }
    }
    expect((await count('poll', 'visible')) + (await count('poll', 'inflight'))).toBeGreaterThan(0);
    await viz.snap(view, 'pushpoll-5s', info);

    // One message per batch, and no failures: nothing reaches a DLQ.
    await view.getByTestId('lanes.knob.batchSize').fill('1');
    await view.getByTestId('viz.pushpoll.failurePercent').fill('0');
    // The world re-runs; a playhead parked at the end stays there.
    await viz.goToEnd(view);
    await expect(view.getByTestId('lanes.poll.batch')).toContainText(': 1 messages');
    await expect.poll(() => count('push', 'failed')).toBe(0);
    await viz.goToEnd(view);
    expect(await count('poll', 'deadLettered')).toBe(0);
    expect(await count('push', 'failed')).toBe(0);
    expect(await count('poll', 'deleted')).toBe(messages);

    // A batch of 100 without a batching window is refused, where the knobs are, and the picture stays.
    await view.getByTestId('lanes.knob.batchSize').fill('100');
    await expect(view.getByTestId('viz.pushpoll.error')).toContainText(/batch/i);
    expect(await count('poll', 'deleted')).toBe(messages);
  });

  test('what-if: provisioned concurrency takes cold starts out of the same traffic', async () => {
    const info = test.info();
    await viz.openTab('whatif');
    await page.getByTestId('viz.whatif.measure').click();
    const whatif = page.getByTestId('whatif');
    await expect(whatif).toBeVisible({ timeout: 90_000 });
    const view = viz.view('whatif');
    const [a, b] = [whatif.getByTestId('timeline').nth(0), whatif.getByTestId('timeline').nth(1)];
    const summary = whatif.getByTestId('whatif.summary').locator('tbody tr');
    // Two bursts of ten: A (on demand) starts ten environments cold; B's five provisioned serve five warm.
    await expect(summary.nth(0).locator('td').first()).toHaveText('10');
    await expect(summary.nth(1).locator('td').first()).toHaveText('5');
    await expect(
      b.locator('[data-testid="timeline.row"][data-init-type="provisioned-concurrency"]'),
    ).toHaveCount(5);
    await expect(
      a.locator('[data-testid="timeline.row"][data-init-type="provisioned-concurrency"]'),
    ).toHaveCount(0);
    // Both timelines share one axis, so their bursts line up.
    const [sa, sb] = [await viz.scaleOf(a), await viz.scaleOf(b)];
    expect(sa).toEqual(sb);
    // Before the traffic, only B has drawn anything: its provisioned environments initializing.
    await viz.goTo(view, 1000);
    const uncovered = async (fig: typeof a) => {
      const x = Number(await fig.getByTestId('timeline.playhead').getAttribute('data-x'));
      return (await viz.spans(fig)).filter((s) => s.x < x);
    };
    expect(await uncovered(a)).toHaveLength(0);
    expect((await uncovered(b)).filter((s) => s.kind.startsWith('init')).length).toBeGreaterThan(0);
    await viz.snap(view, 'whatif-before-traffic', info);
    await viz.goToEnd(view);
    await viz.snap(page.getByTestId('viz.whatif'), 'whatif-end', info);

    // Changing a side re-runs at once: no provisioned concurrency on B either, so both start ten cold.
    await page.getByTestId('viz.whatif.b.pc').fill('0');
    await expect(summary.nth(1).locator('td').first()).toHaveText('10');
  });

  test('power tuning: one point per memory size, the cheapest and the fastest marked', async () => {
    const info = test.info();
    await viz.openTab('power');
    await page.getByTestId('viz.power.invocations').selectOption('5');
    await page.getByTestId('viz.power.run').click();
    const chart = page.getByTestId('power');
    await expect(chart).toBeVisible({ timeout: 90_000 });
    const points = chart.getByTestId('power.point');
    await expect(points).toHaveCount(7);
    await expect(chart.locator('[data-testid="power.point"][data-cheapest="true"]')).toHaveCount(1);
    await expect(chart.locator('[data-testid="power.point"][data-fastest="true"]')).toHaveCount(1);
    const rows = await points.evaluateAll((gs) =>
      gs.map((g) => ({
        mb: Number(g.getAttribute('data-memory-mb')),
        ms: Number(g.getAttribute('data-duration-ms')),
        x: Number(g.querySelector('circle')?.getAttribute('cx')),
      })),
    );
    expect(rows.map((r) => r.mb)).toEqual([128, 256, 512, 1024, 1536, 2048, 3008]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.x).toBeGreaterThan(rows[i - 1]!.x);
    // 128 MB gets 128/1,769 of a vCPU, 1,024 MB 1,024/1,769: the same handler takes about 8x as long.
    expect(rows[0]!.ms).toBeGreaterThan(rows[3]!.ms * 3);
    await expect(page.getByTestId('viz.power.about')).toContainText('cheapest');
    await viz.snap(page.getByTestId('viz.power'), 'power-tuning', info);
  });

  test('reduced motion: playback moves in still, whole steps', async () => {
    const info = test.info();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await viz.openTab('timeline');
    const view = viz.view('timeline');
    await expect(view.getByTestId('viz.playback')).toContainText('stepped frames');
    await viz.goTo(view, 0);
    const start = Number(await view.getAttribute('data-start-ms'));
    await view.getByTestId('viz.playback.speed').selectOption('0.1');
    await view.getByTestId('viz.playback.toggle').click();
    await expect(view).not.toHaveAttribute('data-time-ms', String(start), { timeout: 5000 });
    const t = Number(await view.getAttribute('data-time-ms'));
    // One step is 1 s of wall time at 0.1x: exactly 100 ms of virtual time.
    expect(Math.round((t - start) * 1000) % 100_000).toBe(0);
    await view.getByTestId('viz.playback.toggle').click();
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await viz.snap(view, 'timeline-reduced-motion', info);
  });

  test('screenshots: every tab in light and dark, at 1280x720 and 1920x1080', async () => {
    const info = test.info();
    test.setTimeout(180_000);
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const tab of ['timeline', 'flow', 'pushpoll', 'whatif', 'power'] as const) {
          await viz.openTab(tab);
          await expect(page.locator('.viz-panel [role="tabpanel"]')).not.toContainText('Loading');
          await viz.snap(page, `${tab}-${scheme}-${w}x${h}`, info);
        }
      }
    }
  });

  // Last: it adds a later cold start to the shared world.
  test('timeline: +15 min of idle time folds into a labelled break; zoom and reset', async () => {
    const info = test.info();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByTestId('clock.skip').click();
    await lab.testButton.click();
    await viz.openTab('timeline');
    const view = viz.view('timeline');
    const figure = view.getByTestId('timeline');
    // The idle environment was reaped in the quarter hour: the Test started a second one, cold.
    await expect(figure.getByTestId('timeline.row')).toHaveCount(2, { timeout: 60_000 });
    await viz.goToEnd(view);
    await expect(figure.getByTestId('timeline.break.label').first()).toHaveText(/^1?\d min \d+ s idle$/);
    await page.getByTestId('viz.large').click();
    await viz.snap(page, 'timeline-idle-gap-1366x768', info);
    // Drawn to scale, each cold start's Init (about 100 ms) in a quarter hour would be a fraction of a pixel.
    const scale = await viz.scaleOf(figure);
    const inits = (await viz.spans(figure)).filter(
      (s) => s.kind === 'init-modeled' && s.endMs - s.startMs > 10,
    );
    expect(inits.length).toBeGreaterThanOrEqual(2);
    for (const s of inits) {
      const linear = ((s.endMs - s.startMs) / (scale.toMs - scale.fromMs)) * scale.width;
      expect(s.width).toBeGreaterThan(Math.max(10, 50 * linear));
    }
    const zoom = figure.getByTestId('timeline.zoom');
    await figure.getByRole('button', { name: 'Zoom in' }).click();
    await expect(zoom).toHaveAttribute('data-zoom', '2');
    await figure.getByRole('button', { name: 'Zoom in' }).press('-');
    await expect(zoom).toHaveAttribute('data-zoom', '1');
    await figure.getByRole('button', { name: 'Zoom in' }).click();
    await viz.snap(page, 'timeline-idle-gap-zoomed-1366x768', info);
    await figure.getByRole('button', { name: 'Reset zoom' }).click();
    await expect(zoom).toHaveAttribute('data-zoom', '1');
    // Played at 1x from the start, the playhead jumps over the folded quarter hour instead of crawling.
    await viz.goTo(view, 0);
    const start = Number(await view.getAttribute('data-start-ms'));
    await view.getByTestId('viz.playback.speed').selectOption('1');
    await view.getByTestId('viz.playback.toggle').click();
    await expect
      .poll(async () => Number(await view.getAttribute('data-time-ms')) - start, { timeout: 30_000 })
      .toBeGreaterThan(10 * 60_000);
    await page.getByTestId('viz.large').click();
    // The same picture in the output column, on a projector and on a phone.
    for (const [w, h] of [
      [1366, 768],
      [1280, 720],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await figure.scrollIntoViewIfNeeded();
      await expect(figure.getByTestId('timeline.break.label').first()).toBeVisible();
      await viz.snap(page, `timeline-idle-gap-column-${w}x${h}`, info);
    }
  });
});

test.describe('lesson visualizers', () => {
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(240_000);
    ({ page } = await bootedPage(browser));
  });
  test.afterAll(async () => page?.close());

  async function openLesson(id: string) {
    await page.getByTestId('course.contents').click();
    await page.locator(`[data-testid="nav.lesson"][data-lesson="${id}"]`).click();
    // The lesson's first visualizer (lesson 6 has two since the second edition).
    const block = page.locator('[data-testid="viz.lesson"]').first();
    await block.scrollIntoViewIfNeeded();
    await expect(block).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    return block;
  }

  test('lifecycle (lesson 3): one environment, a cold request then two warm ones', async () => {
    const info = test.info();
    const block = await openLesson('03-execution-environment');
    const viz = new VizPage(page);
    const view = viz.view('timeline', block);
    await viz.goToEnd(view);
    const figure = view.getByTestId('timeline');
    await expect(figure.getByTestId('timeline.row')).toHaveCount(1);
    const invokes = (await viz.spans(figure)).filter((s) => s.kind === 'invoke');
    expect(invokes.map((s) => s.cold)).toEqual(['true', 'false', 'false']);
    // 3 s apart: the gaps between starts are equal on the scale.
    const gap1 = invokes[1]!.x - invokes[0]!.x;
    const gap2 = invokes[2]!.x - invokes[1]!.x;
    expect(Math.abs(gap1 - gap2)).toBeLessThan(Math.max(2, gap1 * 0.1));
    // Before the second request, only the cold request is uncovered.
    await viz.goTo(view, (invokes[0]!.endMs + invokes[1]!.startMs) / 2 - (await viz.scaleOf(figure)).fromMs);
    const playhead = Number(await figure.getByTestId('timeline.playhead').getAttribute('data-x'));
    expect(invokes.filter((s) => s.x < playhead)).toHaveLength(1);
    await viz.goTo(view, 0);
    await view.getByTestId('viz.view.timeline.events').locator('summary').click();
    await expect(view.getByTestId('viz.events')).toBeVisible();
    await viz.snap(block, 'lesson-lifecycle', info);
  });

  test('cold start (lesson 7): two provisioned environments, the third request cold on demand', async () => {
    const info = test.info();
    const block = await openLesson('07-cold-starts');
    const viz = new VizPage(page);
    const figure = viz.view('timeline', block).getByTestId('timeline');
    await expect(
      figure.locator('[data-testid="timeline.row"][data-init-type="provisioned-concurrency"]'),
    ).toHaveCount(2);
    await expect(figure.locator('[data-testid="timeline.row"][data-init-type="on-demand"]')).toHaveCount(1);
    const cold = (await viz.spans(figure)).filter((s) => s.kind === 'invoke' && s.cold === 'true');
    expect(cold).toHaveLength(1);
    await viz.snap(block, 'lesson-cold-start', info);
  });

  test('push and poll (lesson 6): S3 and SNS push, the queue is polled and drained', async () => {
    const info = test.info();
    const block = await openLesson('06-event-sources');
    const viz = new VizPage(page);
    const view = viz.view('pushpoll', block);
    await viz.goToEnd(view);
    const count = async (id: string) => Number(await view.getByTestId(id).getAttribute('data-count'));
    expect(await count('lanes.poll.deleted')).toBe(10);
    expect(await count('lanes.push.succeeded')).toBeGreaterThanOrEqual(3);
    expect(await count('lanes.push.failed')).toBe(0);
    await viz.snap(block, 'lesson-push-poll', info);
  });
});
