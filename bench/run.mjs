#!/usr/bin/env node
// `npm run bench`: builds the lab, serves it, drives headless Chromium and Node, repeats every figure and
// prints median, min and max beside a baseline measured in the same run. `--json FILE` writes the figures;
// `--check` compares them with bench/budgets.json and exits non-zero on a breach.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';
import { splitRows } from './bootSplit.mjs';
import { measureBundle } from './bundle.mjs';
import { afterSessionRepeat, bootSplits, browserBusyQuiet, PENDING, pageFigures } from './pageFigures.mjs';
import { BROWSER_MARK, rendererMemoryFigures } from './rendererMemory.mjs';
import { buildVizBench, vizFrameFigures } from './vizFrames.mjs';

const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const check = args.includes('--check');
const runs = Number(process.env.BENCH_RUNS ?? 5);
// BENCH_DIST and BENCH_PORT let a bench run beside other builds and servers on the same machine.
const PORT = Number(process.env.BENCH_PORT ?? 4183);
const DIST = resolve(process.env.BENCH_DIST ?? 'dist');

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)],
    min: sorted[0],
    max: sorted.at(-1),
    runs: sorted.length,
  };
};

if (!args.includes('--no-build')) {
  const build = spawnSync('npx', ['vite', 'build', '--outDir', DIST, '--emptyOutDir'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
cpSync(resolve('bench/bare'), resolve(DIST, '__bench'), { recursive: true });
// The visualizers' frame-time page, built for production beside the app (not part of dist/assets).
const vizPage = await buildVizBench(resolve(DIST, '__bench/viz'), '/__bench/viz/');

// Vite itself, not through npx: killing npx would leave the server running (and holding the port).
const server = spawn(
  process.execPath,
  [
    resolve('node_modules/vite/bin/vite.js'),
    'preview',
    '--outDir',
    DIST,
    '--port',
    String(PORT),
    '--strictPort',
  ],
  { stdio: 'ignore' },
);
const base = `http://localhost:${PORT}`;
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 200));
}

const figures = [];
const add = (name, unit, values, baseline, note) => {
  const own = stats(values);
  const row = { name, unit, ...own, note };
  if (baseline) {
    row.baseline = stats(baseline);
    row.ratio = own.median / row.baseline.median;
  }
  figures.push(row);
};

try {
  const bundle = measureBundle(DIST);
  figures.push({
    name: 'initial JS (gzip)',
    unit: 'KiB',
    median: bundle.initialGzip / 1024,
    min: bundle.initialGzip / 1024,
    max: bundle.initialGzip / 1024,
    runs: 1,
    baseline: { median: bundle.totalGzip / 1024 },
    ratio: bundle.initialGzip / bundle.totalGzip,
    note: 'entry chunk and its static imports, against all JS the app ships (Pyodide excluded)',
  });

  const executablePath = (await findChromium()) ?? undefined;
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, BROWSER_MARK] });
  const visits = await pageFigures(browser, base, runs, stats);
  for (const figure of visits) add(...figure);
  const bareReady = visits.find(([name]) => name === 'page load to Python ready (snapshot)')[3];
  const launchPersistent = (dir) =>
    chromium.launchPersistentContext(dir, { executablePath, args: CHROMIUM_ARGS });
  add(...(await afterSessionRepeat(launchPersistent, base, Math.min(runs, 2), bareReady)));
  add(...(await browserBusyQuiet(browser, base, Math.min(runs, 3))));
  for (const figure of await rendererMemoryFigures(browser, `${base}/`, Math.min(runs, 3))) add(...figure);
  for (const figure of await vizFrameFigures(browser, `${base}${vizPage}`, runs)) add(...figure);
  await browser.close();
} finally {
  server.kill();
}

/** Runs a Node figure script (`node --import tsx`) and adds the rows of the JSON line it prints last. */
const addNodeRows = (script) => {
  const node = spawnSync(process.execPath, ['--import', 'tsx', script], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  if (node.status !== 0) throw new Error(`${script} failed:\n${node.stderr}`);
  for (const row of JSON.parse(node.stdout.trim().split('\n').at(-1)))
    add(row.name, row.unit, row.values, row.baseline, row.note);
};
// Node: the runtime boundary, environments, the SQS drain, the burst and the CLI (bench/nodeFigures.ts).
addNodeRows('bench/nodeFigures.ts');
// Modeled time: hello world at 128 MB, the memory ratio, busy against quiet (bench/modeledTime.ts).
addNodeRows('bench/modeledTime.ts');

// The pure simulation with the scripted runtime (bench/simBench.ts, bundled by rolldown for Node 20).
const sim = spawnSync('npm', ['run', 'bench:sim', '--silent'], { encoding: 'utf8' });
for (const line of sim.stdout.split('\n')) {
  const m = /^(.+?)\s+wall:\s+([\d,]+) invocations\/s\s+([\d,]+) trace events\/s/.exec(line);
  if (!m) continue;
  const num = (text) => Number(text.replaceAll(',', ''));
  add(
    `pure sim: ${m[1].trim()}`,
    'invocations/s',
    [num(m[2])],
    null,
    `${m[3]} trace events/s, scripted runtime`,
  );
}

const fmt = (n) => (n === undefined ? '' : n >= 100 ? n.toFixed(0) : n.toFixed(2));
console.log(
  `\nLambda Lab benchmark: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${runs} runs each; load average at the end ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min)\n`,
);
console.log('| figure | median | min | max | unit | baseline (median) | ratio |');
console.log('|---|---|---|---|---|---|---|');
for (const f of figures) {
  console.log(
    `| ${f.name} | ${fmt(f.median)} | ${fmt(f.min)} | ${fmt(f.max)} | ${f.unit} | ${fmt(f.baseline?.median)} | ${f.ratio ? `${f.ratio.toFixed(2)}x` : ''} |`,
  );
}
console.log(
  '\nWhere the time to Python ready goes (medians, ms from navigation; worker parts are durations):',
);
console.log('| part | first visit | repeat visit |');
console.log('|---|---|---|');
const firstSplit = new Map(splitRows(bootSplits.first));
const reloadSplit = new Map(splitRows(bootSplits.reload));
for (const name of new Set([...firstSplit.keys(), ...reloadSplit.keys()]))
  console.log(
    `| ${name} | ${fmt(firstSplit.get(name) ?? undefined)} | ${fmt(reloadSplit.get(name) ?? undefined)} |`,
  );
const pending = PENDING.filter(([figure]) => !figures.some((f) => f.name === figure));
if (pending.length > 0) console.log('\nNot measured yet (waiting for the feature named):');
for (const [figure, waitsFor] of pending) console.log(`- ${figure}: ${waitsFor}`);

if (jsonOut)
  writeFileSync(
    jsonOut,
    `${JSON.stringify({ machine: { cores: cpus().length, cpu: cpus()[0]?.model, node: process.version }, figures, bootSplits }, null, 2)}\n`,
  );
if (check) {
  // A budget is a ceiling on the median, or { "median": ms, "ratio": x } to also cap the ratio to the
  // baseline measured in the same run (what a loaded machine cannot skew).
  const budgets = JSON.parse(readFileSync(resolve('bench/budgets.json'), 'utf8'));
  const breaches = [];
  for (const f of figures) {
    const budget = budgets[f.name];
    if (budget === undefined) continue;
    const { median: maxMedian, ratio: maxRatio } = typeof budget === 'number' ? { median: budget } : budget;
    if (maxMedian !== undefined && f.median > maxMedian)
      breaches.push(`${f.name} median ${fmt(f.median)} ${f.unit} > ${maxMedian}`);
    if (maxRatio !== undefined && f.ratio !== undefined && f.ratio > maxRatio)
      breaches.push(`${f.name} ratio ${f.ratio.toFixed(2)}x > ${maxRatio}x`);
  }
  for (const b of breaches) console.error(`Budget breached: ${b}`);
  if (breaches.length > 0) process.exit(1);
  console.log('All budgets met.');
}
