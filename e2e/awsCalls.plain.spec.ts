import { expect, test } from '@playwright/test';
import { LabPage } from './pages/labPage';

test('without cross-origin isolation a boto3 call still reaches the simulated services (JSPI)', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForEditors();
  await lab.waitForPython();
  await lab.pasteEditorText(
    'editor.code',
    'import boto3\n\n\ndef lambda_handler(event, context):\n    return boto3.client("s3").list_buckets()\n',
  );
  await lab.testButton.click();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  // The starter's role has no S3 permission: the simulated IAM answering proves the call got through.
  await expect(lab.resultStatus).toHaveText('Failed');
  await expect(lab.resultResponse).toContainText('AccessDenied');
  await expect(lab.resultResponse).not.toContainText('LabBridgeUnavailable');
});
