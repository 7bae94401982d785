import { expect, type Page } from '@playwright/test';
import { WorkspacePage } from './workspacePage';

const CALLER = [
  'import json',
  'import boto3',
  '',
  'lam = boto3.client("lambda")',
  '',
  '',
  'def lambda_handler(event, context):',
  '    r = lam.invoke(FunctionName="callee", Payload=json.dumps({"n": 21}))',
  '    return {"callee": json.loads(r["Payload"].read()), "version": r["ExecutedVersion"]}',
  '',
].join('\n');

const CALLEE = [
  'import time',
  '',
  '',
  'def lambda_handler(event, context):',
  '    time.sleep(0.5)',
  '    return event["n"] * 2',
  '',
].join('\n');

/**
 * Imports the current workspace back with its function as a caller that synchronously invokes a second
 * function, `callee`, deploys the callee and opens the caller again. Returns the caller's name.
 */
export async function importCallerAndCallee(page: Page): Promise<string> {
  const workspace = new WorkspacePage(page);
  const doc = JSON.parse(await workspace.exportWorkspace());
  const ws = doc.workspace ?? doc;
  const name: string = ws.activeFunction;
  const base = ws.functions[name];
  const invokePolicy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*' }],
  });
  ws.functions[name] = {
    ...base,
    files: { 'lambda_function.py': CALLER },
    role: { ...base.role, inlinePolicy: invokePolicy },
  };
  ws.functions.callee = { ...base, files: { 'lambda_function.py': CALLEE }, triggers: [] };
  await workspace.importWorkspace('chain.json', JSON.stringify(doc));
  await page.getByTestId('workspace.menu').click(); // close the menu again
  const picker = page.getByTestId('workspace.function');
  await expect(picker.locator('option')).toHaveCount(2);
  await picker.selectOption('callee');
  await page.getByTestId('workspace.deploy').click();
  await expect(page.getByTestId('workspace.deploy-status')).toHaveAttribute('data-state', 'done');
  await picker.selectOption(name);
  return name;
}
