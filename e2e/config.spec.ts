import { expect, test } from '@playwright/test';
import { ConfigPage } from './pages/configPage';

const READY = '[data-testid="python.status"][data-state="ready"]';

// Python boots during these tests, and the first field check loads the simulator: allow for a slow machine.
test.describe.configure({ timeout: 300_000 });

test('configuration is checked as typed, deployed by Test with its trigger, and kept across a reload', async ({
  page,
}) => {
  await page.goto('/');
  const config = new ConfigPage(page);
  await config.open();

  await config.setMemory(256);
  await expect(page.getByTestId('config.memory.cpu')).toContainText('0.14 vCPU');

  // A name Lambda reserves is refused on its row, in Lambda's words; renaming it clears the error.
  const row = await config.addEnvVar('AWS_REGION', 'eu-west-1');
  await expect(row.getByTestId('config.env.error')).toContainText('reserved keys', { timeout: 90_000 });
  await row.getByTestId('config.env.key').fill('STAGE');
  await row.getByTestId('config.env.value').fill('dev');
  await expect(row.getByTestId('config.env.error')).toHaveCount(0);

  // Lambda polls the queue with the function's role, so the role needs the SQS policy first.
  await config.attachManagedPolicy('AWSLambdaSQSQueueExecutionRole');
  await config.addSqsTrigger('orders-queue');
  const card = config.trigger('orders-queue');
  await expect(card.getByTestId('config.trigger.pending')).toBeVisible();
  await expect(card.getByTestId('config.trigger.error')).toHaveCount(0);

  await expect(page.locator(READY)).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('test.run').click();
  await expect(page.getByTestId('result.status')).toHaveText('Succeeded', { timeout: 90_000 });
  await expect(card.getByTestId('config.trigger.state')).toHaveText('Deployed.');
  const mapping = card.getByTestId('config.trigger.esm');
  await expect(mapping).toContainText('"EventSourceArn": "arn:aws:sqs:us-east-1:123456789012:orders-queue"');
  await expect(mapping).toContainText('"BatchSize": 10');
  await expect(card.getByTestId('config.trigger.created')).toContainText('queue orders-queue');

  await page.reload();
  await config.open();
  await expect(config.memory).toHaveValue('256');
  await config.section('env');
  await expect(config.envRows.getByTestId('config.env.key')).toHaveValue('STAGE');
  await expect(config.envRows.getByTestId('config.env.value')).toHaveValue('dev');
  await config.section('permissions');
  await expect(page.getByTestId('config.role.managed.AWSLambdaSQSQueueExecutionRole')).toBeChecked();
  await config.section('triggers');
  await expect(config.trigger('orders-queue')).toHaveCount(1);
});

test('a deploy refused by the world changes nothing and is shown beside the field', async ({ page }) => {
  await page.goto('/');
  const config = new ConfigPage(page);
  await config.open();
  await config.addSqsTrigger('jobs');
  // The default role cannot read a queue: the trigger says so before anything is deployed.
  await expect(config.trigger('jobs').getByTestId('config.trigger.error')).toContainText(
    'does not have permissions to call ReceiveMessage on SQS',
    { timeout: 90_000 },
  );
  await expect(page.locator(READY)).toBeVisible({ timeout: 120_000 });
  await config.deployButton.click();
  await expect(config.deployError).toContainText('nothing was changed');
  await expect(page.getByTestId('config.nav.triggers')).toHaveAttribute('aria-current', 'true');
  await expect(config.trigger('jobs').getByTestId('config.trigger.pending')).toBeVisible();
});
