import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FUNCTION_NAME,
  defaultWorkspace,
  exportWorkspace,
  importWorkspace,
  parseWorkspace,
  WORKSPACE_VERSION,
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
