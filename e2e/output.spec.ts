import { expect, test } from '@playwright/test';
import { LabPage } from './pages/labPage';
import { OutputPage } from './pages/outputPage';
import { ResourcesPage } from './pages/resourcesPage';

test('a file dropped on a bucket with a trigger invokes the function, and its logs, metrics and bill follow', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForPython();
  // Test deploys the workspace's function, so the bucket has something to invoke.
  await lab.testButton.click();
  await expect(lab.resultStatus).toBeVisible();

  const resources = new ResourcesPage(page);
  await resources.open('s3');
  await resources.create('s3', 'photos');
  await resources.addBucketNotification('hello-lambda');
  await resources.dropFile('photos', 'cat.txt', 'meow');
  await expect(resources.uploadOk).toContainText('Uploaded cat.txt (4 B) to photos.');
  await expect(resources.objects).toContainText('cat.txt');

  const output = new OutputPage(page);
  await output.open('logs');
  await output.chooseLogGroup('/aws/lambda/hello-lambda');
  // One environment served both (the Test and then the notification): one stream, named as Lambda names it.
  await expect(output.streams.first()).toHaveAttribute(
    'data-stream',
    /^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/,
  );
  // The notification is delivered as virtual time plays: a second request appears in the log.
  await expect.poll(() => output.startedRequestIds().then((ids) => ids.length), { timeout: 30_000 }).toBe(2);
  const [testRequest, s3Request] = await output.startedRequestIds();

  await output.filterByRequestId(s3Request ?? '');
  await expect(
    output.lines.filter({ hasText: `START RequestId: ${s3Request} Version: $LATEST` }),
  ).toHaveCount(1);
  await expect(output.lines.last()).toHaveText(new RegExp(`^REPORT RequestId: ${s3Request}\\tDuration: `));
  await expect(output.lines.filter({ hasText: testRequest ?? '' })).toHaveCount(0);
  await expect(output.lines.filter({ hasText: 'Saying hello to student' })).toHaveCount(0);

  await output.filterByRequestId('');
  await output.filterByText('Saying hello to student');
  await expect(output.lines).toHaveText(['Saying hello to student']);

  await output.open('metrics');
  await expect(output.chart('Invocations')).toBeVisible();
  await expect(output.metrics.getByTestId('metrics.totals')).toContainText('2 invocations');
  await expect(output.chart('Duration')).toContainText('(modeled)');

  await output.open('bill');
  await expect(output.bill.getByTestId('bill.requests')).toContainText('2 of 1,000,000 requests free');
  await expect(output.billTotal).toHaveText('$0');
});
