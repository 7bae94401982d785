import { expect, test } from '@playwright/test';
import { ConfigPage } from './pages/configPage';
import { LabPage } from './pages/labPage';
import { ResourcesPage } from './pages/resourcesPage';

// One page boot: a function URL called from Resources, then a 10% canary built in the alias editor.
test('a function URL answers a request, and the alias editor splits traffic between two versions', async ({
  page,
}) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.waitForPython();
  await lab.testButton.click();
  await expect(lab.resultStatus).toHaveText('Succeeded');

  const resources = new ResourcesPage(page);
  await resources.open('url');
  const panel = resources.panel;
  const id = (testId: string) => panel.getByTestId(testId);
  await id('resources.url.create').click();
  await expect(id('resources.url.create.ok')).toContainText('lambda:InvokeFunctionUrl');
  await expect(id('resources.url.url')).toHaveText(
    /^https:\/\/[a-z0-9]{32}\.lambda-url\.us-east-1\.on\.aws\/$/,
  );
  await id('resources.url.path').fill('/hello');
  await id('resources.url.send').click();
  await expect(id('resources.url.status')).toHaveText('200');
  await expect(id('resources.url.event')).toContainText('"version": "2.0"');
  await expect(id('resources.url.event')).toContainText('"rawPath": "/hello"');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: test.info().outputPath('function-url-1366.png') });

  const config = new ConfigPage(page);
  await config.open();
  await config.section('aliases');
  const a = (testId: string) => page.getByTestId(testId);
  await a('config.aliases.publish').click();
  await expect(a('config.aliases.status')).toHaveText('Published version 1.');
  await a('config.aliases.save').click();
  await expect(a('config.aliases.current')).toHaveText('prod → version 1');
  // A configuration change makes the next version differ from the first.
  await config.setMemory(256);
  await config.deployButton.click();
  await expect(page.getByTestId('config.deploy-status')).toContainText('Deployed');
  await config.section('aliases');
  await a('config.aliases.publish').click();
  await expect(a('config.aliases.versions')).toHaveText('Versions: 1, 2');
  await a('config.aliases.extra').selectOption('2');
  await a('config.aliases.weight').fill('10');
  await a('config.aliases.save').click();
  await expect(a('config.aliases.current')).toHaveText('prod → version 1 (90%), version 2 (10%)');
  await a('config.aliases.send').click();
  await expect(a('config.aliases.status')).toContainText('20 requests through prod: version 1:');

  for (const [w, h] of [
    [1366, 768],
    [1280, 720],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await a('config.aliases').scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`alias-editor-${w}.png`) });
  }
});
