#!/usr/bin/env node
// Frame time while the visualizers animate 1,000 execution environments and 13,000 trace events: the
// bench page (bench/vizFrames.html) draws the app's timeline and event-flow components on the simulator's
// 1,000-environment demo (scripted runtime); both play on the virtual clock while requestAnimationFrame
// samples frames. Standalone:
//   node bench/vizFrames.mjs --build                    production build of the page, served here
//   node bench/vizFrames.mjs --url http://localhost:5183 a running dev server (React's dev build: slower)
// options: --runs N (3), --seconds S (5), --json FILE, --views timeline|flow (one view only). `npm run bench` calls buildVizBench and
// vizFrameFigures (see bench/run.mjs).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const FRAME_FIGURE = 'frame time p95 animating 1,000 environments';
export const WORK_FIGURE = 'frame work p95 animating 1,000 environments';
export const HEAP_FIGURE = 'JS heap with 1,000 environments drawn';
const PAGE = 'bench/vizFrames.html';

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))];
};

/** Builds the bench page for production into `outDir`, to be served under `base` (e.g. '/__bench/viz/'). */
export async function buildVizBench(outDir, base = '/') {
  const [{ build }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  await build({
    configFile: false,
    root: resolve('.'),
    base,
    publicDir: false,
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: resolve(PAGE) },
    },
  });
  return `${base}${PAGE}`;
}

/** One run: a fresh page, both views playing, frames sampled for `seconds`. */
async function sampleRun(browser, url, seconds) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.vizBench !== undefined, null, { timeout: 120_000 });
    const loaded = await page.evaluate(() => window.vizBench);
    await page.locator('.viz-view[data-testid^="viz.view."]').first().waitFor();
    const views = await page.locator('.viz-view[data-testid^="viz.view."]').all();
    if (views.length === 0) throw new Error('the bench page drew no view');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const heapMb = metrics.find((m) => m.name === 'JSHeapUsedSize').value / 2 ** 20;
    // The slowest listed speed that still plays for the whole sample, so no frame is an idle one.
    const range = await views[0].evaluate((el) => Number(el.dataset.endMs) - Number(el.dataset.startMs));
    const speed = [1, 0.5, 0.25, 0.1].find((s) => range / s >= seconds * 1000 + 1000) ?? 0.1;
    for (const v of views) {
      await v.getByTestId('viz.playback.at').fill('0');
      await v.getByTestId('viz.playback.at').press('Enter');
      await v.getByTestId('viz.playback.speed').selectOption(String(speed));
    }
    for (const v of views) await v.getByTestId('viz.playback.toggle').click();
    const before = await views[0].getAttribute('data-time-ms');
    const cpuBefore = (await cdp.send('Performance.getMetrics')).metrics;
    const sample = await page.evaluate(
      (ms) =>
        new Promise((done) => {
          const intervals = [];
          const work = [];
          let last = null;
          let frameStart = 0;
          let tokens = 0;
          const channel = new MessageChannel();
          // Posted from a frame callback, the message runs once the frame's callbacks, style, layout and
          // paint are done: frame start (the callbacks' shared timestamp) to then is the frame's work.
          channel.port1.onmessage = () => work.push(performance.now() - frameStart);
          const stop = performance.now() + ms;
          const loop = (ts) => {
            if (last !== null) intervals.push(ts - last);
            last = ts;
            frameStart = ts;
            channel.port2.postMessage(0);
            let inFlight = 0;
            for (const t of document.querySelectorAll('[data-testid="flow.token"]'))
              inFlight += Number(t.dataset.count ?? 1);
            tokens = Math.max(tokens, inFlight);
            if (performance.now() < stop) requestAnimationFrame(loop);
            else setTimeout(() => done({ intervals, work, tokens }), 50);
          };
          requestAnimationFrame(loop);
        }),
      seconds * 1000,
    );
    const after = await views[0].getAttribute('data-time-ms');
    const cpuAfter = (await cdp.send('Performance.getMetrics')).metrics;
    // Where the main thread's time went during the sample (seconds, from Chromium's own counters).
    const spent = Object.fromEntries(
      ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'].map((name) => [
        name,
        cpuAfter.find((m) => m.name === name).value - cpuBefore.find((m) => m.name === name).value,
      ]),
    );
    if (process.env.VIZ_BENCH_DEBUG) console.error(spent);
    if (before === after) throw new Error('the views did not play during the sample');
    return { ...sample, heapMb, loaded, speed, spent };
  } finally {
    await context.close();
  }
}

/** Rows for bench/run.mjs's `add(name, unit, values, baseline, note)`. */
export async function vizFrameFigures(browser, url, runs, seconds = 5) {
  const p95 = [];
  const work = [];
  const heap = [];
  let note = '';
  for (let i = 0; i < runs; i++) {
    const r = await sampleRun(browser, url, seconds);
    p95.push(quantile(r.intervals, 0.95));
    work.push(quantile(r.work, 0.95));
    heap.push(r.heapMb);
    note =
      `${r.loaded.environments} environments, ${r.loaded.events} trace events, up to ${r.tokens} requests in flight at once; ` +
      `timeline and flow playing at ${r.speed}x for ${seconds} s, ${r.intervals.length} frames; sim ${r.loaded.simMs.toFixed(0)} ms`;
  }
  return [
    [FRAME_FIGURE, 'ms', p95, null, `requestAnimationFrame interval (16.7 ms = one frame at 60 Hz); ${note}`],
    [WORK_FIGURE, 'ms', work, null, 'frame start to the end of its callbacks, style, layout and paint'],
    [HEAP_FIGURE, 'MiB', heap, null, 'main-thread JSHeapUsedSize (CDP) after a GC, trace and models loaded'],
  ];
}

async function main(args) {
  const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const runs = Number(opt('--runs', 3));
  const seconds = Number(opt('--seconds', 5));
  const jsonOut = opt('--json', null);
  const { chromium } = await import('@playwright/test');
  const { CHROMIUM_ARGS, findChromium } = await import('../scripts/chromium.mjs');
  const only = opt('--views', null);
  let url = opt('--url', null);
  let server = null;
  let outDir = null;
  if (url) url = `${url.replace(/\/$/, '')}/${PAGE}`;
  else if (args.includes('--build')) {
    outDir = resolve('node_modules/.cache/lambda-lab-vizbench');
    mkdirSync(outDir, { recursive: true });
    const path = await buildVizBench(outDir, '/');
    const { preview } = await import('vite');
    server = await preview({
      configFile: false,
      root: resolve('.'),
      logLevel: 'warn',
      build: { outDir },
      preview: { port: Number(opt('--port', 4185)), strictPort: true },
    });
    url = `${server.resolvedUrls.local[0].replace(/\/$/, '')}${path}`;
  } else {
    console.error(
      'usage: node bench/vizFrames.mjs --build | --url http://localhost:PORT [--runs N] [--seconds S]',
    );
    process.exit(2);
  }
  if (only) url = `${url}?views=${only}`;
  const browser = await chromium.launch({
    executablePath: (await findChromium()) ?? undefined,
    args: CHROMIUM_ARGS,
  });
  try {
    const rows = await vizFrameFigures(browser, url, runs, seconds);
    for (const [name, unit, values, , note] of rows) {
      const s = [...values].sort((a, b) => a - b);
      console.log(
        `${name}: median ${s[Math.floor(s.length / 2)].toFixed(2)} ${unit} (min ${s[0].toFixed(2)}, max ${s.at(-1).toFixed(2)}, ${s.length} runs); ${note}`,
      );
    }
    const json = JSON.stringify(rows.map(([name, unit, values, , note]) => ({ name, unit, values, note })));
    if (jsonOut) writeFileSync(jsonOut, `${json}\n`);
    console.log(json);
  } finally {
    await browser.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
