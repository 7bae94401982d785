import { describe, expect, it } from 'vitest';
import { validateEventJson } from './validateJson';

describe('validateEventJson', () => {
  it('accepts an object and returns its value', () => {
    expect(validateEventJson('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('names the line and column of a missing comma', () => {
    const check = validateEventJson('{\n  "a": 1\n  "b": 2\n}');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/^Invalid JSON at line 3, column 3: /);
  });

  it('explains an empty event', () => {
    const check = validateEventJson('   ');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain('empty');
  });

  it('reports a trailing comma', () => {
    const check = validateEventJson('{"a": 1,}');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(/line 1, column 9/);
  });
});
