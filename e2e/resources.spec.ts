import { expect, test } from '@playwright/test';
import { LabPage } from './pages/labPage';
import { ResourcesPage } from './pages/resourcesPage';

test.describe('Resources', () => {
  test.beforeEach(async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open();
    await lab.waitForPython();
  });

  test('creates a queue with a dead-letter queue and sends it a message', async ({ page }) => {
    const resources = new ResourcesPage(page);
    await resources.open('sqs');
    await resources.create('sqs', 'orders');
    await expect(resources.queueCounts).toHaveAttribute('data-visible', '0');
    await resources.sendMessage('{"order": 42}', { name: 'kind', value: 'order' });
    // Nothing receives from the queue, so the message waits there, visible.
    await expect(resources.queueCounts).toHaveAttribute('data-visible', '1');
    await expect(resources.queueCounts).toContainText('Available 1');
    await expect(resources.queueCounts).toContainText('Moved to orders-dlq 0');
    await expect(resources.panel.getByRole('rowheader', { name: /orders-dlq.*DLQ of orders/ })).toBeVisible();
  });

  test('puts a DynamoDB item, refuses a broken edit inline, and saves a fixed one', async ({ page }) => {
    const resources = new ResourcesPage(page);
    await resources.open('ddb');
    await resources.create('ddb', 'users');
    await resources.newItem('{"id": {"S": "ada"}, "language": {"S": "Analytical Engine"}}');
    await expect(resources.itemGrid.locator('tr[data-key="ada"]')).toContainText('Analytical Engine');

    await resources.editItem('ada');
    await resources.saveItem('{"id": {"S": "ada"}, "language": {"S": "Python"},}');
    await expect(resources.itemError).toContainText('Invalid JSON at line 1');
    await expect(resources.itemEditor).toHaveAttribute('aria-invalid', 'true');
    // The service judges the shape: a number where the key is a string does not match the schema.
    await resources.saveItem('{"id": {"N": "1"}}');
    await expect(resources.itemError).toHaveText(
      'ValidationException: The provided key element does not match the schema',
    );
    await resources.saveItem('{"id": {"S": "ada"}, "language": {"S": "Python"}}');
    await expect(resources.itemGrid.locator('tr[data-key="ada"]')).toContainText('Python');
    await expect(resources.itemGrid.locator('tbody tr')).toHaveCount(1);
    await expect(resources.itemEditor).toBeHidden();
  });

  test('publishes to an SNS topic with a Lambda subscription', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.testButton.click();
    await expect(lab.resultStatus).toBeVisible();
    const resources = new ResourcesPage(page);
    await resources.open('sns');
    await resources.create('sns', 'alerts');
    await resources.subscribeFunction('hello-lambda');
    await expect(resources.panel.getByTestId('resources.sns.subscriptions')).toContainText(
      'lambda: hello-lambda',
    );
    await resources.publish('{"name": "subscriber"}');
    await expect(resources.publishOk).toContainText(
      /^Published message [0-9a-f-]+ to alerts: its subscription gets it/,
    );
  });

  test('sends a request through API Gateway to the function and reads the status', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.testButton.click();
    await expect(lab.resultStatus).toHaveText('Succeeded');
    const resources = new ResourcesPage(page);
    await resources.open('api');
    await resources.createApi('hello-lambda');
    await resources.sendApiRequest({ query: 'lang=en' });
    await expect(resources.apiUrl).toHaveText(
      /^https:\/\/[0-9a-f]{10}\.execute-api\.us-east-1\.amazonaws\.com\/default\/hello-lambda\?lang=en$/,
    );
    await expect(resources.apiStatus).toHaveText('200');
    await expect(resources.apiResponse).toContainText('Greetings from Lambda Lab.');

    // A path with no route never reaches Lambda: REST APIs answer 403 Missing Authentication Token.
    await resources.panel.getByTestId('resources.api.path').fill('/nowhere');
    await resources.sendApiRequest();
    await expect(resources.apiStatus).toHaveText('403');
    await expect(resources.apiResponse).toHaveText('{"message":"Missing Authentication Token"}');
  });
});
