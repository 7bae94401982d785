import { expect, test } from '@playwright/test';
import { ConfigPage } from './pages/configPage';
import { LabPage } from './pages/labPage';

test.use({ serviceWorkers: 'allow' });

test('on a host that sends no isolation headers the service worker supplies them after one reload, and boto3 works', async ({
  page,
}) => {
  test.slow();
  const lab = new LabPage(page);
  await lab.open();
  // The first load is not isolated; once the worker controls the page it reloads itself, isolated.
  await page.waitForFunction(() => crossOriginIsolated, undefined, { timeout: 90_000 });
  expect(await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.toJSON().type)).toBe(
    'reload',
  );
  await lab.waitForEditors();
  await lab.waitForPython();

  await lab.pasteEditorText(
    'editor.code',
    'import boto3\n\n\ndef lambda_handler(event, context):\n    s3 = boto3.client("s3")\n    s3.create_bucket(Bucket="class-notes")\n    return [b["Name"] for b in s3.list_buckets()["Buckets"]]\n',
  );
  const config = new ConfigPage(page);
  await config.open();
  await config.attachManagedPolicy('AdministratorAccess');
  await page.getByRole('tab', { name: 'Code' }).click();
  await lab.testButton.click();
  await expect(lab.resultStatus).toHaveText('Succeeded');
  await expect(lab.resultResponse).toContainText('class-notes');

  // Later visits are isolated from the first load on.
  await page.reload();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  expect(await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.toJSON().type)).toBe(
    'reload',
  );
});
