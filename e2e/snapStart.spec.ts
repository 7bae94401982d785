/**
 * #21 in the browser, on one page boot: a synchronous Lambda-to-Lambda invoke (the caller billed while it
 * waits, drawn on the timeline), then SnapStart turned on in Configuration, a version published (the
 * snapshot taken), its cold starts restored, the bill's SnapStart line, and the what-if's three-way
 * comparison.
 */
import { expect, type Page, test } from '@playwright/test';
import { importCallerAndCallee } from './pages/chainWorkspace';
import { ConfigPage } from './pages/configPage';
import { LabPage } from './pages/labPage';
import { OutputPage } from './pages/outputPage';
import { VizPage } from './pages/vizPage';

test.describe.configure({ mode: 'serial' });

const SNAPPY = [
  'import random',
  'from snapshot_restore_py import register_after_restore',
  '',
  'SEED = random.random()',
  '',
  '',
  '@register_after_restore',
  'def restored():',
  '    print("restored from the snapshot")',
  '',
  '',
  'def lambda_handler(event, context):',
  '    return {"seed": SEED}',
  '',
].join('\n');

let page: Page;
let lab: LabPage;
/** The workspace's first function: the caller in the first test, SnapStart's function in the second. */
let name = '';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  lab = new LabPage(page);
  await lab.open();
  await expect(lab.pythonStatus).toHaveAttribute('data-state', 'ready', { timeout: 170_000 });
});
test.afterAll(async () => page?.close());

test('a synchronous invoke of another function: the answer comes back and both are billed at once', async () => {
  test.setTimeout(300_000);
  name = await importCallerAndCallee(page);
  await lab.testButton.click();
  await expect(lab.resultStatus).toHaveText('Succeeded', { timeout: 60_000 });
  await expect(lab.resultResponse).toContainText('"callee": 42');

  // The timeline: the caller's invoke holds a wait band exactly as long as the callee's invoke runs.
  const viz = new VizPage(page);
  await viz.openPanel();
  await viz.openTab('timeline');
  const figure = page.getByTestId('timeline').first();
  const spans = await viz.spans(figure);
  const wait = spans.find((s) => s.kind === 'wait');
  expect(wait, JSON.stringify(spans)).toBeDefined();
  const invokes = spans.filter((s) => s.kind === 'invoke');
  // Both invokes are drawn (and billed) over the same stretch: the callee's sits inside the caller's wait.
  const caller = invokes.find((s) => s.startMs <= wait!.startMs && s.endMs >= wait!.endMs);
  const callee = invokes.find((s) => s !== caller && s.startMs >= wait!.startMs && s.endMs <= wait!.endMs);
  expect(caller, JSON.stringify(spans)).toBeDefined();
  expect(callee, JSON.stringify(spans)).toBeDefined();
  // The callee sleeps 0.5 s: the caller's bill includes that wait.
  expect(wait!.endMs - wait!.startMs).toBeGreaterThanOrEqual(500);
  await viz.snap(figure, 'chained-invoke-timeline', test.info());
});

test('SnapStart: turned on in Configuration, a published version restores its snapshot', async () => {
  test.setTimeout(300_000);
  await lab.pasteEditorText('editor.code', SNAPPY);
  const config = new ConfigPage(page);
  await config.open();
  await config.section('general');
  await page.getByTestId('config.snapstart').check();
  await config.deployButton.click();
  await expect(page.getByTestId('config.deploy-status')).toContainText('Deployed');
  await config.section('aliases');
  const a = (testId: string) => page.getByTestId(testId);
  await a('config.aliases.publish').click();
  await expect(a('config.aliases.status')).toContainText(
    /Published version \d+: SnapStart ran its Init once/,
  );
  const version = /version (\d+)/.exec((await a('config.aliases.status').textContent()) ?? '')?.[1] ?? '';
  await a('config.aliases.primary').selectOption(version);
  await a('config.aliases.save').click();
  await a('config.aliases.send').click();
  await expect(a('config.aliases.status')).toContainText(`20 requests through prod: version ${version}: 20`);
  // Twenty environments restored from one snapshot: the seed drawn in Init is the same in all of them.
  await expect(a('config.aliases.status')).toContainText('; 1 different answer.');

  const output = new OutputPage(page);
  await output.open('logs');
  await output.chooseLogGroup(`/aws/lambda/${name}`);
  await output.filterByText('RESTORE_REPORT Restore Duration');
  await expect(output.lines.first()).toHaveText(/^RESTORE_REPORT Restore Duration: [\d.]+ ms$/);
  await output.filterByText('restored from the snapshot');
  await expect(output.lines.first()).toContainText('restored from the snapshot');
  await output.filterByText('Billed Restore Duration');
  await expect(output.lines.first()).not.toContainText('Init Duration');
  await output.open('bill');
  await expect(page.getByTestId('bill.snapstart')).toContainText(/\$[\d.e-]+ \(modeled/);
  for (const [w, h] of [
    [1366, 768],
    [1280, 720],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await config.open();
    await config.section('general');
    await page.getByTestId('config.snapstart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`snapstart-config-${w}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('what-if: on-demand, SnapStart and provisioned concurrency on the same traffic, with modeled costs', async () => {
  test.setTimeout(300_000);
  const viz = new VizPage(page);
  await viz.openPanel();
  await viz.openTab('whatif');
  await page.getByTestId('viz.whatif.measure').click();
  const whatif = page.getByTestId('whatif');
  await expect(whatif).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('viz.whatif.coldstart-options').click();
  const rows = whatif.getByTestId('whatif.summary').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).locator('th')).toContainText('SnapStart');
  await expect(rows.nth(2).locator('th')).toContainText('PC 5');
  // Ten cold starts each for on-demand and SnapStart (restores), five for C's five provisioned.
  await expect(rows.nth(0).locator('td').first()).toHaveText('10');
  await expect(rows.nth(1).locator('td').first()).toHaveText('10');
  await expect(rows.nth(2).locator('td').first()).toHaveText('5');
  await expect(whatif.getByTestId('whatif.cost.B')).toContainText('approximate');
  await expect(whatif.getByTestId('whatif.snapstart.note')).toContainText('at least 3 hours');
  await expect(whatif.getByTestId('timeline')).toHaveCount(3);
  await expect(
    whatif.getByTestId('timeline').nth(1).locator('[data-testid="timeline.span"][data-part="restore"]'),
  ).toHaveCount(10);
  await viz.snap(whatif, 'whatif-three-way', test.info());
  await viz.snap(page, 'whatif-three-way-page', test.info());
});
