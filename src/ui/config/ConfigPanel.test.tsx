// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLabStore } from '../../store/labStore';
import { defaultWorkspace } from '../../store/workspaceDoc';
import { selectActiveFunction } from '../../store/workspaceSlice';
import { ConfigPanel } from './ConfigPanel';

const draft = () => selectActiveFunction(useLabStore.getState());

beforeEach(() => useLabStore.setState({ workspace: defaultWorkspace(), deployError: null }));
afterEach(cleanup);

/** The field checks run a moment after the last change (with the simulator loaded lazily: slow at load 30). */
const findError = (testId: string) => screen.findByTestId(testId, {}, { timeout: 30_000 });

describe('Configuration panel: each field checked as it is typed', () => {
  it('refuses a memory size outside 128-10,240 MB beside the field, and shows the modeled CPU share', async () => {
    render(<ConfigPanel />);
    const memory = screen.getByTestId('config.memory');
    fireEvent.change(memory, { target: { value: '100' } });
    expect(draft().memorySize).toBe(100);
    expect((await findError('config.memory.error')).textContent).toMatch(
      /Value '100' at 'memorySize'.*greater than or equal to 128/,
    );
    expect(memory.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(memory, { target: { value: '1769' } });
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(screen.queryByTestId('config.memory.error')).toBeNull();
    expect(screen.getByTestId('config.memory.cpu').textContent).toMatch(/1\.00 vCPU/);
    expect(screen.getByTestId('config.memory.cpu').textContent).toMatch(/modeled/);
  });

  it('keeps a half-typed number out of the draft and says why', () => {
    render(<ConfigPanel />);
    fireEvent.change(screen.getByTestId('config.timeout'), { target: { value: '' } });
    expect(screen.getByTestId('config.timeout.error').textContent).toBe('Enter a whole number.');
    expect(draft().timeout).toBe(3);
  });

  it('refuses a reserved environment variable name on its row', async () => {
    render(<ConfigPanel />);
    fireEvent.click(screen.getByTestId('config.nav.env'));
    fireEvent.click(screen.getByTestId('config.env.add'));
    const key = screen.getByTestId('config.env.key');
    fireEvent.change(key, { target: { value: 'AWS_REGION' } });
    fireEvent.change(screen.getByTestId('config.env.value'), { target: { value: 'eu-west-1' } });
    const row = screen.getByTestId('config.env.row');
    const error = await within(row).findByTestId('config.env.error', {}, { timeout: 30_000 });
    expect(error.textContent).toMatch(/reserved keys .*AWS_REGION/);
    expect(error.textContent).toMatch(/one of the names Lambda sets itself/);
    fireEvent.change(key, { target: { value: 'TABLE_NAME' } });
    await act(() => new Promise((r) => setTimeout(r, 400)));
    expect(within(row).queryByTestId('config.env.error')).toBeNull();
    expect(draft().environment).toEqual({ TABLE_NAME: 'eu-west-1' });
    expect(screen.getByTestId('config.nav.env').textContent).not.toMatch(/problem/);
  });

  it('shows an inline policy that is not JSON as malformed, and keeps the text', async () => {
    render(<ConfigPanel />);
    fireEvent.click(screen.getByTestId('config.nav.permissions'));
    fireEvent.change(screen.getByTestId('config.role.inline'), {
      target: { value: '{"Version": "2012-10-17",' },
    });
    expect((await findError('config.role.inline.error')).textContent).toMatch(/^MalformedPolicyDocument/);
    expect(draft().role.inlinePolicy).toBe('{"Version": "2012-10-17",');
    expect(screen.getByTestId('config.nav.permissions').textContent).toMatch(/1 problem/);
  });

  it('adds a statement from a template, and attaches a managed policy', () => {
    render(<ConfigPanel />);
    fireEvent.click(screen.getByTestId('config.nav.permissions'));
    fireEvent.change(screen.getByTestId('config.role.template'), { target: { value: 'ddb-read' } });
    const doc = JSON.parse(draft().role.inlinePolicy) as { Statement: { Action: string[] }[] };
    expect(doc.Statement[0]?.Action).toEqual(['dynamodb:GetItem', 'dynamodb:Query']);
    fireEvent.click(screen.getByTestId('config.role.managed.AWSLambdaSQSQueueExecutionRole'));
    expect(draft().role.managedPolicies).toEqual([
      'AWSLambdaBasicExecutionRole',
      'AWSLambdaSQSQueueExecutionRole',
    ]);
  });

  it('adds an SQS trigger through the form, then checks its settings with the simulator', async () => {
    render(<ConfigPanel />);
    fireEvent.click(screen.getByTestId('config.nav.triggers'));
    fireEvent.click(screen.getByTestId('config.trigger.add'));
    fireEvent.click(screen.getByTestId('config.trigger.confirm'));
    expect(screen.getByTestId('config.trigger.new.error').textContent).toBe('Enter the queue name.');
    fireEvent.change(screen.getByTestId('config.trigger.new.queue'), { target: { value: 'jobs' } });
    fireEvent.click(screen.getByTestId('config.trigger.confirm'));
    expect(draft().triggers).toMatchObject([{ kind: 'sqs', queue: 'jobs', batchSize: 10 }]);
    expect(screen.getByTestId('config.trigger.pending')).toBeTruthy();
    // The default role cannot read a queue: the rehearsal says so on the trigger, in Lambda's words.
    expect((await findError('config.trigger.error')).textContent).toMatch(
      /execution role does not have permissions to call ReceiveMessage on SQS/,
    );
  });

  it('opens the section of a refused deploy and shows the reason there', () => {
    render(<ConfigPanel />);
    act(() =>
      useLabStore.getState().setDeployError({
        functionName: useLabStore.getState().workspace.activeFunction,
        field: 'reservedConcurrency',
        message: 'InvalidParameterValueException: no room',
      }),
    );
    expect(screen.getByTestId('config.concurrency')).toBeTruthy();
    expect(screen.getByTestId('config.deploy-error').textContent).toMatch(/nothing was changed: .*no room/);
  });
});
