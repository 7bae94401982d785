import { describe, expect, it } from 'vitest';
import type { SyntaxProblem } from '../../runtime/protocol';
import { problemRange, summarize } from './syntaxProblems';

const problem = (p: Partial<SyntaxProblem>): SyntaxProblem => ({
  file: 'app.py',
  kind: 'SyntaxError',
  severity: 'error',
  message: 'invalid syntax',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  ...p,
});

describe('marker ranges', () => {
  const lines = ['def f(:', '    pass', ''];

  it("keeps Python's range when it is inside the text", () => {
    expect(problemRange(problem({ line: 1, column: 7, endColumn: 8 }), lines)).toEqual({
      startLineNumber: 1,
      startColumn: 7,
      endLineNumber: 1,
      endColumn: 8,
    });
  });

  it('pulls a position past the end back inside, and never leaves a range empty', () => {
    expect(problemRange(problem({ line: 9, column: 40, endLine: 9, endColumn: 41 }), lines)).toEqual({
      startLineNumber: 3,
      startColumn: 1,
      endLineNumber: 3,
      endColumn: 2,
    });
    expect(problemRange(problem({ line: 1, column: 8, endColumn: 8 }), lines)).toEqual({
      startLineNumber: 1,
      startColumn: 7,
      endLineNumber: 1,
      endColumn: 8,
    });
  });
});

describe('summary', () => {
  it('names the first error with its place, and counts the rest', () => {
    const warning = problem({
      kind: 'SyntaxWarning',
      severity: 'warning',
      message: 'invalid escape sequence',
      line: 1,
    });
    const error = problem({ message: "'(' was never closed", line: 2, column: 19 });
    expect(summarize([warning, error])).toBe(
      "SyntaxError: '(' was never closed (app.py, line 2, column 19) and 1 more.",
    );
    expect(summarize([])).toBe('No syntax errors.');
  });
});
