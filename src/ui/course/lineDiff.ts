/**
 * A line diff by longest common subsequence, for "your files against the solution". Exercise files are a
 * few dozen lines, so the O(n*m) table is cheap; past a size cap the whole file shows as replaced.
 */
export type DiffLine =
  | { readonly op: 'same'; readonly text: string; readonly oldNo: number; readonly newNo: number }
  | { readonly op: 'del'; readonly text: string; readonly oldNo: number }
  | { readonly op: 'add'; readonly text: string; readonly newNo: number };

const MAX_CELLS = 4_000_000;

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** `before` -> `after`: deletions come before additions within a changed run, as in `diff -u`. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    return [
      ...a.map((text, i): DiffLine => ({ op: 'del', text, oldNo: i + 1 })),
      ...b.map((text, j): DiffLine => ({ op: 'add', text, newNo: j + 1 })),
    ];
  }
  // lcs[i][j]: the LCS length of a[i..] and b[j..], in one flat array.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push({ op: 'same', text: a[i] ?? '', oldNo: i + 1, newNo: j + 1 });
      i++;
      j++;
    } else if (j >= m || (i < n && (lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0))) {
      out.push({ op: 'del', text: a[i] ?? '', oldNo: i + 1 });
      i++;
    } else {
      out.push({ op: 'add', text: b[j] ?? '', newNo: j + 1 });
      j++;
    }
  }
  return out;
}

export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.op === 'add') added++;
    else if (l.op === 'del') removed++;
  }
  return { added, removed };
}
