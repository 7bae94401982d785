import { expect, test } from '@playwright/test';
import { LabPage } from './pages/labPage';

test('without cross-origin isolation a boto3 call fails with an explanation, not a hang', async ({
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
  await expect(lab.resultStatus).toHaveText('Failed');
  await expect(lab.resultResponse).toContainText('not cross-origin isolated');
});
