/** A binary min-heap ordered by (time, seq): ties break by insertion order so runs repeat exactly. */
export interface QueueEntry<T> {
  readonly at: number;
  readonly seq: number;
  readonly item: T;
}

export interface EventQueue<T> {
  push(at: number, item: T): number;
  peekTime(): number | undefined;
  pop(): QueueEntry<T> | undefined;
  size(): number;
}

function before<T>(x: QueueEntry<T>, y: QueueEntry<T>): boolean {
  return x.at < y.at || (x.at === y.at && x.seq < y.seq);
}

export function createEventQueue<T>(): EventQueue<T> {
  const heap: QueueEntry<T>[] = [];
  let seq = 0;
  const siftUp = (start: number): void => {
    let i = start;
    const entry = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  };
  const siftDown = (): void => {
    const n = heap.length;
    let i = 0;
    const entry = heap[0]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
      const c = heap[child]!;
      if (!before(c, entry)) break;
      heap[i] = c;
      i = child;
    }
    heap[i] = entry;
  };
  return {
    push(at, item) {
      const s = seq++;
      heap.push({ at, seq: s, item });
      siftUp(heap.length - 1);
      return s;
    },
    peekTime: () => heap[0]?.at,
    pop() {
      const top = heap[0];
      if (top === undefined) return undefined;
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        siftDown();
      }
      return top;
    },
    size: () => heap.length,
  };
}
