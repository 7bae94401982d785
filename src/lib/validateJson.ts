/** Checks a test event's JSON and explains the first problem with its line and column, as a learner reads it. */
export type JsonCheck =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string };

export function validateEventJson(text: string): JsonCheck {
  if (text.trim() === '')
    return { ok: false, message: 'The event is empty: a Lambda event must be a JSON value, such as {}.' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(raw);
    const reason = raw
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '')
      .replace(/^JSON\.parse: /, '');
    if (!position) return { ok: false, message: `Invalid JSON: ${reason}.` };
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { ok: false, message: `Invalid JSON at line ${line}, column ${column}: ${reason}.` };
  }
}
