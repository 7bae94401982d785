// Figures measured in headless Chromium, each beside its baseline from the same run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OBSERVE_BOOT, pageSide, untilCached, workerSide } from './bootSplit.mjs';

/** Figures the harness will add as their features land, with what each waits for (none today). */
export const PENDING = [];

const READY_TIMEOUT = 120_000;

async function readyMs(page, mark) {
  return page.evaluate(
    ([name, timeout]) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const poll = () => {
          const entry = performance.getEntriesByName(name)[0];
          if (entry) return resolve(entry.startTime);
          if (performance.now() - started > timeout) return reject(new Error(`${name} never came`));
          setTimeout(poll, 20);
        };
        poll();
      }),
    [mark, READY_TIMEOUT],
  );
}

const fcp = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );

/** Each lab visit's split of the time to Python ready (bench/bootSplit.mjs), first visits and reloads. */
export const bootSplits = { first: [], reload: [] };

async function split(page) {
  const side = await pageSide(page);
  side.worker = await workerSide(page, side.timeOrigin);
  return side;
}

async function visit(browser, url, mark) {
  const context = await browser.newContext();
  await context.addInitScript(OBSERVE_BOOT);
  const page = await context.newPage();
  await page.goto(url);
  const paint = await fcp(page);
  const ready = await readyMs(page, mark);
  return { context, page, paint, ready };
}

/** Clicks Test and resolves with the ms until a new request id is on screen (its result shown). */
const clickTestAndTime = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        const before = document.querySelector('[data-testid="result.requestId"]')?.textContent;
        const started = performance.now();
        new MutationObserver((_m, observer) => {
          if (document.querySelector('[data-testid="result.requestId"]')?.textContent !== before) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
        document.querySelector('[data-testid="test.run"]').click();
      }),
  );

async function uiRoundTrips(page, count) {
  await page.getByTestId('test.run').click();
  await page.getByTestId('result.requestId').waitFor();
  const times = [];
  for (let i = 0; i < count; i++) times.push(await clickTestAndTime(page));
  return times;
}

async function rawRoundTrips(page, count) {
  return page.evaluate(async (n) => {
    await window.rawCall();
    const times = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      await window.rawCall();
      times.push(performance.now() - started);
    }
    return times;
  }, count);
}

/** Spins `count` processes on the cores until the returned function stops them. */
function spinners(count) {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  return () => {
    for (const child of children) child.kill('SIGKILL');
  };
}

// About 100 ms of CPython in one Chromium worker: long enough for the scheduler to preempt it many times.
const LONG_HANDLER = 'def lambda_handler(event, context):\n    return sum(i * i for i in range(1_000_000))\n';

/** One Test through the UI: the modeled Duration its REPORT line gives, and the click-to-result time. */
async function durationOfTest(page) {
  const real = await clickTestAndTime(page);
  const report = await page
    .getByTestId('result.logs')
    .getByText(/^REPORT RequestId/)
    .last()
    .textContent();
  const modeled = Number(/Duration: ([\d.]+) ms/.exec(report ?? '')?.[1]);
  if (!Number.isFinite(modeled)) throw new Error(`no Duration in ${report}`);
  return { modeled, real };
}

/**
 * The browser's own load correction (threadGaps.ts and the probes), in Chromium: a longer CPU-bound
 * handler's Duration with `busy` processes spinning against without, round by round, beside the ratio of
 * the same Tests' click-to-result times.
 */
export async function browserBusyQuiet(browser, base, rounds, busy = 2) {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await readyMs(page, 'lambda-lab:app-python-ready');
  await page.evaluate((text) => navigator.clipboard.writeText(text), LONG_HANDLER);
  await page.getByTestId('editor.code').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const series = async () => {
    const tests = [];
    for (let i = 0; i < 5; i++) tests.push(await durationOfTest(page));
    return { modeled: median(tests.map((t) => t.modeled)), real: median(tests.map((t) => t.real)) };
  };
  // A cold start, then time for the calibration's refresh rounds after boot (every 5 s).
  await series();
  await page.waitForTimeout(11_000);
  const modeled = [];
  const real = [];
  for (let round = 0; round < rounds; round++) {
    const quiet = await series();
    const stop = spinners(busy);
    let loaded;
    try {
      await page.waitForTimeout(300);
      loaded = await series();
    } finally {
      stop();
    }
    await page.waitForTimeout(300);
    modeled.push(loaded.modeled / quiet.modeled);
    real.push(loaded.real / quiet.real);
  }
  await context.close();
  return [
    `~100 ms handler in Chromium, Duration busy / quiet (${busy} spinning)`,
    'x',
    modeled,
    real,
    'Tests through the UI, load corrected by the thread gaps and probes; baseline: their click-to-result times',
  ];
}

export async function pageFigures(browser, base, runs, stats) {
  const lab = { paint: [], ready: [], app: [], plain: [], repeat: [] };
  const bare = { paint: [], ready: [] };
  let uiTimes = [];
  let rawTimes = [];
  for (let i = 0; i < runs; i++) {
    const b = await visit(browser, `${base}/__bench/bare.html`, 'bare:python-ready');
    bare.paint.push(b.paint);
    bare.ready.push(b.ready);
    if (i === 0) rawTimes = await rawRoundTrips(b.page, 50);
    await b.context.close();

    const plain = await visit(browser, `${base}/?snapshot=off`, 'lambda-lab:python-ready');
    lab.plain.push(plain.ready);
    await plain.context.close();

    const v = await visit(browser, `${base}/`, 'lambda-lab:python-ready');
    lab.paint.push(v.paint);
    lab.ready.push(v.ready);
    lab.app.push(await readyMs(v.page, 'lambda-lab:app-python-ready'));
    bootSplits.first.push(await split(v.page));
    if (i === 0) uiTimes = await uiRoundTrips(v.page, 20);
    // A repeat visit: the service worker has cached the build (it starts caching once Python is ready).
    await untilCached(v.page);
    await v.page.reload();
    lab.repeat.push(await readyMs(v.page, 'lambda-lab:python-ready'));
    bootSplits.reload.push(await split(v.page));
    await v.context.close();
  }
  void stats;
  return [
    ['first contentful paint', 'ms', lab.paint, bare.paint, 'the lab against the bare Pyodide page'],
    [
      'page load to Python ready (snapshot)',
      'ms',
      lab.ready,
      bare.ready,
      'against a bare page loading Pyodide plainly',
    ],
    [
      'page load to Test usable',
      'ms',
      lab.app,
      bare.ready,
      'same baseline; Python ready is the worker reporting ready, this the app taking it up',
    ],
    ['page load to Python ready (plain, ?snapshot=off)', 'ms', lab.plain, bare.ready, 'same baseline'],
    [
      'repeat visit to Python ready (snapshot)',
      'ms',
      lab.repeat,
      bare.ready,
      'reload in the same browser context, once the service worker has cached the build',
    ],
    [
      'warm Test round trip in the UI',
      'ms',
      uiTimes,
      rawTimes,
      'click to result shown, against raw postMessage + Python call',
    ],
  ];
}

const SESSION_TESTS = 100;
const settle = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reloads the page with Chrome's tracing on and tells whether V8 took the wasm from its code cache. */
async function reloadUsedCodeCache(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Tracing.start', {
    categories: 'disabled-by-default-devtools.timeline',
    transferMode: 'ReturnAsStream',
  });
  await page.reload();
  await readyMs(page, 'lambda-lab:python-ready');
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.data;
    if (chunk.eof) break;
  }
  await cdp.detach();
  return text.includes('"v8.wasm.moduleCacheHit"');
}

/**
 * A repeat visit after a session, in a browser profile kept on disk as a student's is: first visit, a
 * reload under the service worker, 100 Tests, then reloads. Chrome stores the wasm's compiled code once V8
 * has optimized enough of it, and a reload that finds it compiles the functions the boot runs in the
 * background instead of on their first call. One more reload, traced, checks that the cache was used.
 */
export async function afterSessionRepeat(launchPersistent, base, rounds, baseline) {
  const ready = [];
  let traced = 0;
  let hits = 0;
  for (let round = 0; round < rounds; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'lab-bench-profile-'));
    const context = await launchPersistent(dir);
    try {
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await readyMs(page, 'lambda-lab:app-python-ready');
      await untilCached(page);
      await page.reload();
      await readyMs(page, 'lambda-lab:app-python-ready');
      for (let i = 0; i < SESSION_TESTS; i++) await clickTestAndTime(page);
      // V8 hands its code over once it has optimized enough of it (about 1 MB), a while after.
      await settle(8000);
      for (let i = 0; i < 3; i++) {
        await page.reload();
        ready.push(await readyMs(page, 'lambda-lab:python-ready'));
        await readyMs(page, 'lambda-lab:app-python-ready');
        await settle(2000); // the page's own work after ready (course, editor) is done before the next
      }
      traced += 1;
      if (await reloadUsedCodeCache(context, page)) hits += 1;
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return [
    'repeat visit to Python ready after a session (wasm code cache)',
    'ms',
    ready,
    baseline,
    `profile on disk, ${SESSION_TESTS} Tests, then 3 reloads a round; the code cache was used on ${hits} of ${traced} traced reloads`,
  ];
}
