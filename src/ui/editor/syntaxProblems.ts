/** Python's syntax problems as the editor shows them: a range kept inside the text, and a one-line summary. */
import type { SyntaxProblem } from '../../runtime/protocol';

export interface Range {
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/** A problem's range, kept inside the text (Python may point one past the end at an unexpected EOF). */
export function problemRange(problem: SyntaxProblem, lines: readonly string[]): Range {
  const lastLine = Math.max(lines.length, 1);
  const clampLine = (n: number) => Math.min(Math.max(n, 1), lastLine);
  const maxColumn = (n: number) => (lines[n - 1]?.length ?? 0) + 1;
  const startLineNumber = clampLine(problem.line);
  const endLineNumber = Math.max(clampLine(problem.endLine), startLineNumber);
  let startColumn = Math.min(Math.max(problem.column, 1), maxColumn(startLineNumber));
  let endColumn = Math.min(Math.max(problem.endColumn, 1), maxColumn(endLineNumber));
  if (endLineNumber === startLineNumber && endColumn <= startColumn) {
    // An empty range draws nothing: widen it to the character before or after.
    if (startColumn < maxColumn(startLineNumber)) endColumn = startColumn + 1;
    else if (startColumn > 1) startColumn -= 1;
    else endColumn = startColumn + 1;
  }
  return { startLineNumber, startColumn, endLineNumber, endColumn };
}

/** One line for the status under the editor: the first error (or warning), and how many more. */
export function summarize(problems: readonly SyntaxProblem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0] ?? problems[0];
  if (!first) return 'No syntax errors.';
  const more = problems.length - 1;
  const where = `${first.file}, line ${first.line}, column ${first.column}`;
  return `${first.kind}: ${first.message} (${where})${more > 0 ? ` and ${more} more` : ''}.`;
}
