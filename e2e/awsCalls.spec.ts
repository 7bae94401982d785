import { expect, test } from '@playwright/test';
import { ConfigPage } from './pages/configPage';
import { LabPage } from './pages/labPage';

const S3_HANDLER = [
  'import boto3',
  'from botocore.exceptions import ClientError',
  '',
  's3 = boto3.client("s3")',
  '',
  '',
  'def lambda_handler(event, context):',
  '    try:',
  '        s3.create_bucket(Bucket="lab-notes")',
  '    except ClientError as error:',
  '        # The second invoke finds the bucket from the first: the world keeps state.',
  '        print("bucket exists:", error.response["Error"]["Code"])',
  '    s3.put_object(Bucket="lab-notes", Key="note.txt", Body=event["text"].encode())',
  '    body = s3.get_object(Bucket="lab-notes", Key="note.txt")["Body"].read().decode()',
  '    print("stored", len(body), "bytes")',
  '    return {"stored": body}',
  '',
].join('\n');

test('a handler calls S3 through boto3 and the world keeps the object across invokes', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForEditors();
  await lab.waitForPython();
  await lab.pasteEditorText('editor.code', S3_HANDLER);
  await lab.replaceEditorText('editor.event', '{"text": "serverless"}');
  // A new function's role only allows logging, as in the console: give it broad access first.
  const config = new ConfigPage(page);
  await config.open();
  await config.attachManagedPolicy('AdministratorAccess');
  await page.getByRole('tab', { name: 'Code' }).click();
  await lab.testButton.click();
  await expect(lab.resultStatus).toHaveText('Succeeded');
  await expect(lab.resultResponse).toContainText('"stored": "serverless"');
  await expect(lab.resultLogs).toContainText('stored 10 bytes');
  await expect(lab.resultLogs).toContainText('INIT_START Runtime Version: python:3.13');
  await expect(page.getByTestId('result.summary')).toContainText('cold start');

  // Warm now: the same environment serves, and the bucket is still there.
  await lab.testButton.click();
  await expect(lab.resultResponse).toContainText('"stored": "serverless"');
  await expect(page.getByTestId('result.summary')).toContainText('warm');
  await expect(lab.resultLogs).not.toContainText('INIT_START');
  await expect(lab.resultLogs).toContainText('bucket exists: BucketAlreadyOwnedByYou');
});
