import { describe, expect, it } from 'vitest';
import { BASIC_EXECUTION_POLICY } from './draftSchema';
import {
  ADMIN_POLICY,
  DEFAULT_FUNCTION_NAME,
  defaultWorkspace,
  exportWorkspace,
  importWorkspace,
  parseWorkspace,
  WORKSPACE_VERSION,
  type WorkspaceDoc,
} from './workspaceDoc';

describe('workspace documents', () => {
  it('upgrades a first-screen save (format 1) without losing the code or the event', () => {
    const parsed = parseWorkspace(
      { code: 'def h(e, c):\n    return 1\n', eventJson: '{"x": 1}', handler: 'app.h' },
      1,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const fn = parsed.workspace.functions[DEFAULT_FUNCTION_NAME];
    expect(fn?.files['lambda_function.py']).toBe('def h(e, c):\n    return 1\n');
    expect(fn?.handler).toBe('app.h');
    expect(fn?.events.testEvent).toBe('{"x": 1}');
    expect(parsed.workspace.version).toBe(WORKSPACE_VERSION);
  });

  it('refuses unknown keys and names where they are', () => {
    const doc = defaultWorkspace();
    const bad = {
      ...doc,
      functions: { f: { ...doc.functions[DEFAULT_FUNCTION_NAME], memory: 256 } },
      activeFunction: 'f',
    };
    const parsed = parseWorkspace(bad, WORKSPACE_VERSION);
    expect(parsed).toEqual({ ok: false, reason: expect.stringContaining('functions.f') });
  });

  it('refuses a save from a newer lab instead of guessing', () => {
    const parsed = parseWorkspace(defaultWorkspace(), WORKSPACE_VERSION + 1);
    expect(parsed).toEqual({ ok: false, reason: expect.stringContaining('newer Lambda Lab') });
  });

  it('refuses an active function that does not exist', () => {
    const parsed = parseWorkspace({ ...defaultWorkspace(), activeFunction: 'ghost' }, WORKSPACE_VERSION);
    expect(parsed).toEqual({ ok: false, reason: expect.stringContaining('"ghost"') });
  });

  it('round-trips through export and import', () => {
    const doc = defaultWorkspace();
    const imported = importWorkspace(exportWorkspace(doc));
    expect(imported).toEqual({ ok: true, workspace: doc });
  });

  it('explains an import that is not JSON or not a workspace', () => {
    expect(importWorkspace('{oops')).toEqual({ ok: false, reason: expect.stringContaining('not JSON') });
    expect(importWorkspace('{"hello": 1}')).toEqual({
      ok: false,
      reason: expect.stringContaining('not a Lambda Lab workspace'),
    });
  });
});

describe('format 3: configuration, role, triggers and layers', () => {
  const v2Function = {
    files: { 'app.py': 'def handler(e, c):\n    return e\n' },
    handler: 'app.handler',
    runtime: 'python3.12',
    memorySize: 512,
    timeout: 10,
    ephemeralStorage: 1024,
    architecture: 'arm64',
    environment: { STAGE: 'dev' },
    events: { first: '{"a": 1}' },
    activeEvent: 'first',
    activeFile: 'app.py',
  };

  it('upgrades a format 2 save, keeping every field and the allow-everything role it ran under', () => {
    const parsed = parseWorkspace({ version: 2, functions: { api: v2Function }, activeFunction: 'api' }, 2);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const fn = parsed.workspace.functions.api;
    expect(fn).toMatchObject(v2Function);
    expect(fn?.role.managedPolicies).toEqual([BASIC_EXECUTION_POLICY, ADMIN_POLICY]);
    expect(fn?.triggers).toEqual([]);
    expect(fn?.reservedConcurrency).toBeNull();
    expect(parsed.workspace.layers).toEqual({});
  });

  it('upgrades a format 1 save through format 2', () => {
    const parsed = parseWorkspace({ code: 'x = 1\n', eventJson: '{}' }, 1);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const fn = parsed.workspace.functions[DEFAULT_FUNCTION_NAME];
    expect(fn?.files['lambda_function.py']).toBe('x = 1\n');
    expect(fn?.provisionedConcurrency).toBe(0);
    expect(fn?.vpc.enabled).toBe(false);
    expect(parsed.workspace.version).toBe(3);
  });

  it("gives a new function the console's default role: basic execution only", () => {
    const fn = defaultWorkspace().functions[DEFAULT_FUNCTION_NAME];
    expect(fn?.role).toEqual({ name: '', managedPolicies: [BASIC_EXECUTION_POLICY], inlinePolicy: '' });
  });

  it('keeps an inline policy that is not JSON yet, and triggers of every kind', () => {
    const doc = defaultWorkspace();
    const fn = doc.functions[DEFAULT_FUNCTION_NAME];
    if (!fn) throw new Error('no default function');
    const edited = {
      ...doc,
      layers: { utils: { files: { 'python/utils.py': 'X = 1\n' }, compatibleRuntimes: [] } },
      functions: {
        [DEFAULT_FUNCTION_NAME]: {
          ...fn,
          layers: ['utils'],
          role: { ...fn.role, inlinePolicy: '{"Version": "2012-10-17", "Statement": [' },
          triggers: [
            {
              kind: 'sqs',
              id: 't1',
              queue: 'jobs',
              batchSize: 10,
              batchWindowS: 0,
              reportBatchItemFailures: true,
            },
            { kind: 'sns', id: 't2', topic: 'alerts' },
            {
              kind: 'eventbridge',
              id: 't3',
              ruleName: 'tick',
              mode: 'schedule',
              schedule: 'rate(5 minutes)',
              eventPattern: '',
            },
          ],
        },
      },
    };
    const back = importWorkspace(exportWorkspace(edited as WorkspaceDoc));
    expect(back).toEqual({ ok: true, workspace: edited });
  });

  it('refuses a trigger of an unknown kind, saying where', () => {
    const doc = defaultWorkspace();
    const fn = doc.functions[DEFAULT_FUNCTION_NAME];
    const bad = {
      ...doc,
      functions: { [DEFAULT_FUNCTION_NAME]: { ...fn, triggers: [{ kind: 'ftp', id: 'x', host: 'h' }] } },
    };
    const parsed = parseWorkspace(bad, WORKSPACE_VERSION);
    expect(parsed).toEqual({
      ok: false,
      reason: expect.stringContaining(`functions.${DEFAULT_FUNCTION_NAME}.triggers.0`),
    });
  });

  it('refuses foreign data in a format 2 save instead of guessing', () => {
    expect(parseWorkspace({ version: 2, functions: 'all of them' }, 2)).toEqual({
      ok: false,
      reason: expect.stringContaining('could not be upgraded from format 2'),
    });
    const extra = { version: 2, functions: { api: { ...v2Function, colour: 'red' } }, activeFunction: 'api' };
    expect(parseWorkspace(extra, 2)).toEqual({ ok: false, reason: expect.stringContaining('functions.api') });
  });

  it('refuses a workspace without its layers map', () => {
    const { layers: _layers, ...noLayers } = defaultWorkspace();
    expect(parseWorkspace(noLayers, WORKSPACE_VERSION)).toEqual({
      ok: false,
      reason: expect.stringContaining('layers'),
    });
  });
});
