import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

export type VizTab = 'timeline' | 'flow' | 'pushpoll' | 'whatif' | 'power';

export interface SpanBox {
  readonly kind: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly x: number;
  readonly width: number;
  readonly cold: string | null;
}

export interface TimeScale {
  readonly fromMs: number;
  readonly toMs: number;
  readonly x0: number;
  readonly width: number;
}

/** The visualizers, as a learner reaches them: the output column's Visualizers tab, or a lesson's block. */
export class VizPage {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('viz.panel');
  }

  async openPanel() {
    if (!(await this.panel.isVisible())) await this.page.getByTestId('output.viz').click();
    await expect(this.panel).toBeVisible();
  }

  async openTab(tab: VizTab) {
    await this.panel.getByTestId(`viz.tab.${tab}`).click();
    await expect(this.panel.getByTestId(`viz.tab.${tab}`)).toHaveAttribute('aria-selected', 'true');
  }

  /** The time-based view (playback, drawing, event table) inside `scope`. */
  view(name: string, scope: Locator | Page = this.page): Locator {
    return scope.getByTestId(`viz.view.${name}`);
  }

  /**
   * Types a virtual time (ms from the start of the view's range) into the view's go-to field. `toEnd`: the
   * end as it stands, where a parked playhead then follows a trace that still grows (useVizPlayback.ts).
   */
  async goTo(view: Locator, ms: number, toEnd = false): Promise<number> {
    const at = view.getByTestId('viz.playback.at');
    await at.fill(String(ms));
    await at.press('Enter');
    // The playhead lands on start + ms, clamped to the range (read again: a re-run may move its end).
    let landed = Number.NaN;
    await expect
      .poll(async () => {
        const [start, end, time] = await Promise.all(
          ['data-start-ms', 'data-end-ms', 'data-time-ms'].map(async (a) =>
            Number(await view.getAttribute(a)),
          ),
        );
        landed = time!;
        return time === Math.min(start! + ms, end!) || (toEnd && time === end);
      })
      .toBe(true);
    return landed;
  }

  async goToEnd(view: Locator) {
    const start = Number(await view.getAttribute('data-start-ms'));
    const end = Number(await view.getAttribute('data-end-ms'));
    return this.goTo(view, end - start, true);
  }

  async scaleOf(figure: Locator): Promise<TimeScale> {
    const n = async (name: string) => Number(await figure.getAttribute(name));
    return {
      fromMs: await n('data-from-ms'),
      toMs: await n('data-to-ms'),
      x0: await n('data-body-x'),
      width: await n('data-body-width'),
    };
  }

  /** Every drawn rectangle span of a timeline figure, with its geometry. */
  async spans(figure: Locator): Promise<SpanBox[]> {
    return figure.locator('rect[data-testid="timeline.span"]').evaluateAll((rects) =>
      rects.map((r) => ({
        kind: r.getAttribute('data-kind') ?? '',
        startMs: Number(r.getAttribute('data-start-ms')),
        endMs: Number(r.getAttribute('data-end-ms')),
        x: Number(r.getAttribute('x')),
        width: Number(r.getAttribute('width')),
        cold: r.getAttribute('data-cold'),
      })),
    );
  }

  /** Saves a screenshot of `target` as a test artifact (and under test-results/viz/ for browsing). */
  async snap(target: Locator | Page, name: string, info: TestInfo) {
    const path = info.outputPath(`${name}.png`);
    await target.screenshot({ path });
    await info.attach(name, { path, contentType: 'image/png' });
  }
}

/** Distance from a point to a polyline: a token on its edge sits at (nearly) zero. */
export function distanceToPolyline(
  points: readonly (readonly [number, number])[],
  x: number,
  y: number,
): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1]!;
    const [bx, by] = points[i]!;
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const f = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2));
    best = Math.min(best, Math.hypot(x - (ax + f * (bx - ax)), y - (ay + f * (by - ay))));
  }
  return best;
}

export const parsePoints = (attr: string | null): [number, number][] =>
  (attr ?? '')
    .trim()
    .split(/\s+/)
    .map((p) => p.split(',').map(Number) as [number, number]);
