import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { LabPage } from './pages/labPage';

test.use({ serviceWorkers: 'allow' });

/** Resolves once a service worker controls the page and its build is cached (it activates after caching). */
async function controlledBy(page: Page): Promise<string> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    return navigator.serviceWorker.controller.scriptURL;
  });
}

test('after one visit the lab starts and runs Test offline, and a new build is taken up on the next load', async ({
  page,
  context,
}) => {
  test.slow();
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForPython();
  expect(await controlledBy(page)).toMatch(/\/sw\.js$/);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    return link
      ? ((await (await fetch(link.href)).json()) as { display: string; icons: { sizes: string }[] })
      : null;
  });
  expect(manifest?.display).toBe('standalone');
  expect(manifest?.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));

  await context.setOffline(true);
  await page.reload();
  await lab.waitForEditors();
  await lab.waitForPython();
  await lab.testButton.click();
  await expect(lab.resultStatus).toHaveText('Succeeded');
  await expect(lab.resultResponse).toContainText('Hello, student!');

  // A new build is deployed (here: the same files under a new version): its worker installs beside the
  // running one and the page says so.
  await context.setOffline(false);
  const swFile = resolve(process.env.LAB_E2E_DIST ?? 'dist', 'sw.js');
  const current = readFileSync(swFile, 'utf8');
  const next = current.replace(/"version":"([0-9a-f]+)"/, '"version":"$1-next"');
  expect(next).not.toBe(current);
  writeFileSync(swFile, next);
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await expect(page.getByText('A new version of Lambda Lab is ready')).toBeVisible({ timeout: 90_000 });

    // The next load runs the new build, and says so.
    await page.reload();
    await expect(page.getByText('Lambda Lab was updated')).toBeVisible({ timeout: 30_000 });
    const builds = await page.evaluate(async () =>
      (await caches.keys()).filter((key) => key.startsWith('lambda-lab-')),
    );
    expect(builds).toEqual([expect.stringMatching(/-next$/)]);
    await lab.waitForPython();
  } finally {
    writeFileSync(swFile, current);
  }
});

test('a repeat visit asks the service worker for the wasm, so the browser can keep its compiled code', async ({
  page,
  context,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForPython();
  await controlledBy(page);
  const wasm: boolean[] = [];
  context.on('response', (response) => {
    if (response.url().endsWith('/pyodide.asm.wasm')) wasm.push(response.fromServiceWorker());
  });
  await page.reload();
  await lab.waitForPython();
  // Chrome keeps a wasm's compiled code only for a response from the network or a service worker's
  // answer: the Python worker must not read the wasm from Cache Storage itself (it does so for the rest).
  expect(wasm).toEqual([true]);
  await lab.testButton.click();
  await expect(lab.resultStatus).toHaveText('Succeeded');
});
