// Where the time goes between navigation and "Python ready": the page's navigation and paint timings, its
// main-thread long tasks, and the Python worker's own performance measures (`boot:*`, see
// src/runtime/browser/bootTimeline.ts) and resource timings, all on the page's clock.
// `node bench/bootSplit.mjs URL [runs]` prints a first visit and a reload for each run.

const READY = 'lambda-lab:python-ready';

/** Starts collecting long tasks before any script runs, so the split sees the main thread's own work. */
export const OBSERVE_BOOT = () => {
  globalThis.__labLongTasks = [];
  globalThis.__labBootTimelines = [];
  new BroadcastChannel('lambda-lab:boot-timeline').onmessage = (event) =>
    globalThis.__labBootTimelines.push(event.data);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.__labLongTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
};

export async function pageSide(page) {
  return page.evaluate(async (ready) => {
    while (performance.getEntriesByName(ready).length === 0) await new Promise((r) => setTimeout(r, 20));
    const readyAt = performance.getEntriesByName(ready)[0].startTime;
    // The app takes Python up once its own JS has run, possibly later than the worker's report.
    const appMark = 'lambda-lab:app-python-ready';
    for (let waited = 0; waited < 30_000 && !performance.getEntriesByName(appMark).length; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((r) => /\.(js|css)$/.test(r.name) && r.startTime < readyAt);
    const tasks = (globalThis.__labLongTasks ?? []).filter(([start]) => start < readyAt);
    return {
      timeOrigin: performance.timeOrigin,
      readyAt,
      html: nav.responseEnd,
      domContentLoaded: nav.domContentLoadedEventEnd,
      fcp: paint,
      jsBytes: scripts.reduce((sum, r) => sum + r.transferSize, 0),
      jsLoadedAt: Math.max(0, ...scripts.map((r) => r.responseEnd)),
      mainThreadBusy: tasks.reduce((sum, [, d]) => sum + d, 0),
      longTasks: tasks.length,
      workerCreatedAt: performance.getEntriesByName('lambda-lab:worker-spawn')[0]?.startTime ?? null,
      appReadyAt: performance.getEntriesByName(appMark)[0]?.startTime ?? null,
    };
  }, READY);
}

/** The first Python worker's boot measures and downloads, shifted onto the page's clock. */
export async function workerSide(page, pageOrigin) {
  return page.evaluate(async (origin) => {
    // The worker publishes twice: at `ready`, and once the work after it (sealing the interpreter, the
    // warm-up run) is done; the second carries every measure.
    for (let waited = 0; globalThis.__labBootTimelines.length < 2 && waited < 10_000; waited += 20)
      await new Promise((r) => setTimeout(r, 20));
    const timeline = globalThis.__labBootTimelines.at(-1);
    const shift = timeline.timeOrigin - origin;
    return {
      startedAt: shift,
      measures: Object.fromEntries(timeline.measures.map(([name, start, ms]) => [name, [start + shift, ms]])),
      files: Object.fromEntries(
        timeline.files.map(([url, start, ms, bytes]) => [url.split('/').pop(), [start + shift, ms, bytes]]),
      ),
    };
  }, pageOrigin);
}

/** Waits until the service worker has cached the build and controls the page (a repeat visit's state). */
export async function untilCached(page) {
  await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return;
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
  });
}

export async function bootSplit(context, url) {
  await context.addInitScript(OBSERVE_BOOT);
  const page = await context.newPage();
  await page.goto(url);
  const first = await pageSide(page);
  first.worker = await workerSide(page, first.timeOrigin);
  await untilCached(page);
  await page.reload();
  const reload = await pageSide(page);
  reload.worker = await workerSide(page, reload.timeOrigin);
  await page.close();
  return { first, reload };
}

/** The split as table rows: each part's median over the visits, in ms on the page's clock. */
export function splitRows(visits) {
  const med = (values) => {
    const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b);
    return sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
  };
  const parts = [
    ['HTML received', (v) => v.html],
    ['first contentful paint', (v) => v.fcp],
    ['Python worker created', (v) => v.workerCreatedAt],
    ['app JS loaded (before ready)', (v) => v.jsLoadedAt],
    ['main thread busy (long tasks before ready)', (v) => v.mainThreadBusy],
  ];
  for (const name of [
    'worker-script',
    'wasm-download',
    'compile',
    'loader-script',
    'stdlib-download',
    'snapshot-download',
    'instantiate',
    'restore',
    'snapshot-wait',
    'interpreter',
    'runtime-start',
    'total',
  ])
    parts.push([`worker: ${name}`, (v) => v.worker?.measures[name]?.[1]]);
  parts.push(['Python ready', (v) => v.readyAt]);
  // After `ready`, before the first message is served: a Test sent at once waits for these.
  for (const name of ['seal', 'warm-up-run'])
    parts.push([`worker after ready: ${name}`, (v) => v.worker?.measures[name]?.[1]]);
  parts.push(['Test usable (the app has taken Python up)', (v) => v.appReadyAt]);
  return parts.map(([name, pick]) => [name, med(visits.map(pick))]).filter(([, value]) => value !== null);
}

const round = (value) =>
  JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'number' ? Math.round(v) : v)));

if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('@playwright/test');
  const { CHROMIUM_ARGS, findChromium } = await import('../scripts/chromium.mjs');
  const browser = await chromium.launch({
    executablePath: (await findChromium()) ?? undefined,
    args: CHROMIUM_ARGS,
  });
  const runs = Number(process.argv[3] ?? 1);
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    console.log(JSON.stringify(round(await bootSplit(context, process.argv[2])), null, 1));
    await context.close();
  }
  await browser.close();
}
