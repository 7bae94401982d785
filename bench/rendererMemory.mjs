// Renderer memory with 1,000 environments on the page: the Visualizers tab's demo trace (three waves of
// 1,000 concurrent environments) drawn by the timeline, against the same page before it (Python ready,
// nothing drawn). Memory is the proportional set size (PSS) of this browser's renderer processes, read
// from /proc: it includes the Python worker's wasm heap, which the JS heap figures do not see.
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** PSS in MiB summed over the renderer processes descending from `browserPid`. */
export function rendererPssMiB(browserPid) {
  let kib = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes('--type=renderer')) continue;
    let pid = Number(name);
    while (pid > 1 && pid !== browserPid) pid = parentOf(pid);
    if (pid !== browserPid) continue;
    const rollup = readFileSync(`/proc/${name}/smaps_rollup`, 'utf8');
    kib += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
  }
  return kib / 1024;
}

/** A switch Chromium ignores, added to the bench browser's launch flags so its process can be found. */
export const BROWSER_MARK = `--lambda-lab-bench=${process.pid}`;

function browserPid() {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (args.includes(BROWSER_MARK) && !args.some((a) => a.startsWith('--type='))) return Number(name);
    } catch {}
  }
  return 0;
}

export async function rendererMemoryFigures(browser, base, runs) {
  const pid = browserPid();
  if (!pid) return [];
  const before = [];
  const after = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    await page.locator('[data-testid="python.status"][data-state="ready"]').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(1000);
    before.push(rendererPssMiB(pid));
    await page.getByTestId('output.viz').click();
    await page.getByTestId('viz.source').first().selectOption('demo');
    // Drawn: the timeline (it draws the rows in view, a few hundred elements) and its event table.
    await page.getByTestId('viz.view.timeline.events').waitFor({ timeout: 120_000 });
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="viz.view.timeline"] svg *').length > 200,
      undefined,
      { timeout: 120_000 },
    );
    await page.waitForTimeout(2000);
    after.push(rendererPssMiB(pid));
    await context.close();
  }
  return [
    [
      'renderer memory after 1,000 environments',
      'MiB',
      after,
      before,
      "PSS of the page's renderer processes with the Visualizers' 1,000-environment demo drawn, against the same page with Python ready and nothing drawn",
    ],
  ];
}
