import { expect, test } from '@playwright/test';
import { LabPage } from './pages/labPage';
import { ResourcesPage } from './pages/resourcesPage';

// One page boot: create a WebSocket API in front of the starter function, then connect, send, push and close.
test('the WebSocket client connects, sends, sees replies and pushes, and a closed connection is gone', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForPython();
  await lab.testButton.click();
  await expect(lab.resultStatus).toHaveText('Succeeded');

  const resources = new ResourcesPage(page);
  await resources.open('ws');
  const panel = resources.panel;
  const id = (testId: string) => panel.getByTestId(testId);

  await id('resources.ws.create').click();
  await expect(id('resources.ws.create.ok')).toContainText('Created WebSocket API hello-lambda-ws');
  await expect(id('resources.ws.url')).toHaveText(
    /^wss:\/\/[0-9a-f]{10}\.execute-api\.us-east-1\.amazonaws\.com\/production$/,
  );

  const client = id('resources.ws.client');
  await id('resources.ws.connect').click();
  await expect(client).toHaveAttribute('data-state', 'open');
  await expect(id('resources.ws.action.ok')).toContainText(/^Connected: connectionId [A-Za-z0-9_-]{15}=\.$/);

  // Not JSON with an action: the $default route answers with the function's response.
  await id('resources.ws.message').fill('plain text');
  await id('resources.ws.send').click();
  const frames = id('resources.ws.frames').locator('li');
  await expect(frames).toHaveCount(1);
  await expect(frames.nth(0)).toHaveAttribute('data-kind', 'reply');
  await expect(frames.nth(0)).toContainText('Hello, world! Greetings from Lambda Lab.');

  // A custom route is one-way: the function runs, the client gets nothing back.
  await id('resources.ws.message').fill('{"action": "sendmessage", "text": "hi"}');
  await id('resources.ws.send').click();
  await expect(id('resources.ws.action.ok')).toHaveText('Sent.');
  await expect(frames).toHaveCount(1);

  await id('resources.ws.push').fill('breaking news');
  await id('resources.ws.pushSend').click();
  await expect(frames).toHaveCount(2);
  await expect(frames.nth(1)).toHaveAttribute('data-kind', 'push');
  await expect(frames.nth(1)).toContainText('breaking news');

  await id('resources.ws.close').click();
  await expect(client).toHaveAttribute('data-state', 'closed');
  await id('resources.ws.pushSend').click();
  await expect(id('resources.ws.action.error')).toHaveText('GoneException (410): the connection is closed.');

  for (const [w, h] of [
    [1366, 768],
    [1280, 720],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await id('resources.ws.frames').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`websocket-${w}.png`) });
  }
});
