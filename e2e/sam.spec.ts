import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { LabPage } from './pages/labPage';

/** A fixture app folder as a .zip, the way a learner downloads one (everything under one folder). */
function zipFolder(dir: string, folder: string, replace: Record<string, string> = {}): Buffer {
  const tree: Record<string, Uint8Array> = {};
  const walk = (at: string, prefix: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else tree[`${folder}/${prefix}${name}`] = readFileSync(path);
    }
  };
  walk(dir, '');
  for (const [path, text] of Object.entries(replace))
    tree[`${folder}/${path}`] = new TextEncoder().encode(text);
  return Buffer.from(zipSync(tree));
}

const APP = join(process.cwd(), 'src/sam/fixtures/api-crud');

test('opens a SAM app from a .zip, runs its function, and exports it again', async ({ page }) => {
  test.slow();
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForEditors();
  const status = page.getByTestId('sam.status');

  // A template with an error is refused with its line, and nothing changes.
  await page.getByTestId('sam.open-zip-file').setInputFiles({
    name: 'broken-app.zip',
    mimeType: 'application/zip',
    buffer: zipFolder(APP, 'broken-app', { 'template.yaml': 'Resources:\n  Fn: [1,\n' }),
  });
  await expect(status).toHaveAttribute('data-state', 'failed');
  await expect(page.getByTestId('notice').last()).toContainText(
    'broken-app.zip was not opened: template.yaml:',
  );
  await expect(page.getByTestId('workspace.function')).toHaveValue('hello-lambda');

  await lab.waitForPython();
  await page.getByTestId('sam.open-zip-file').setInputFiles({
    name: 'items-app.zip',
    mimeType: 'application/zip',
    buffer: zipFolder(APP, 'items-app'),
  });
  await expect(status).toHaveAttribute('data-state', 'opened', { timeout: 60_000 });
  await expect(page.getByTestId('notice').last()).toContainText(
    'Opened the SAM app items-app.zip: 1 function(s)',
  );
  await expect(page.getByTestId('workspace.function')).toHaveValue('ItemsFunction');

  // The saved event (events/put.json) posts an item through the function into the app's table.
  await lab.testButton.click();
  await expect(lab.resultStatus).toHaveText('Succeeded');
  await expect(lab.resultResponse).toContainText('"statusCode": 201');

  await page.getByTestId('workspace.menu').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('sam.export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('sam-app.zip');
  const entries = unzipSync(readFileSync((await file.path()) as string));
  const template = strFromU8(entries['sam-app/template.yaml'] as Uint8Array);
  expect(template).toContain('Transform: AWS::Serverless-2016-10-31');
  expect(template).toContain('ItemsFunction:');
  expect(Object.keys(entries)).toContain('sam-app/ItemsFunction/app.py');

  // A .zip dropped on the page opens too.
  const dropped = zipFolder(join(process.cwd(), 'src/sam/fixtures/http-api'), 'apis-app').toString('base64');
  await page.evaluate((b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'apis-app.zip', { type: 'application/zip' }));
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }, dropped);
  await expect(page.getByTestId('notice').last()).toContainText(
    'Opened the SAM app apis-app.zip: 3 function(s)',
  );
  await expect(page.getByTestId('workspace.function')).toHaveValue('Hello');
});
