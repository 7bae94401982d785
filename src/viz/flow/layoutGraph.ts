/**
 * A small layered layout (longest path from the sources into columns, one barycentre sweep to order
 * each column). The world's graph has tens of nodes, so this beats shipping elkjs (~1.4 MB) or dagre.
 */

export interface LayoutInput {
  readonly nodes: readonly { readonly id: string }[];
  /** Edges that set the left-to-right order (requests), not replies or retries. */
  readonly edges: readonly { readonly from: string; readonly to: string }[];
}

export interface LayoutBox {
  readonly x: number;
  readonly y: number;
  readonly layer: number;
}

export interface Layout {
  readonly boxes: ReadonlyMap<string, LayoutBox>;
  readonly width: number;
  readonly height: number;
}

export const NODE_WIDTH = 132;
export const NODE_HEIGHT = 44;
const COLUMN_GAP = 72;
const ROW_GAP = 28;
const MARGIN = 16;

export function layoutGraph(input: LayoutInput): Layout {
  const ids = input.nodes.map((n) => n.id);
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  const incoming = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of input.edges) {
    if (e.from === e.to || !out.has(e.from) || !out.has(e.to)) continue;
    out.get(e.from)!.push(e.to);
    incoming.get(e.to)!.push(e.from);
  }
  const layer = new Map<string, number>(ids.map((id) => [id, 0]));
  const onStack = new Set<string>();
  // Longest path by DFS; an edge back into the current path (a cycle) is skipped.
  const visit = (id: string, depth: number): void => {
    if (onStack.has(id) || depth < (layer.get(id) ?? 0)) return;
    layer.set(id, depth);
    onStack.add(id);
    for (const next of out.get(id) ?? []) visit(next, depth + 1);
    onStack.delete(id);
  };
  const sources = ids.filter((id) => (incoming.get(id) ?? []).length === 0);
  for (const id of sources.length > 0 ? sources : ids.slice(0, 1)) visit(id, 0);
  const columns: string[][] = [];
  for (const id of ids) {
    const l = layer.get(id) ?? 0;
    for (let c = columns.length; c <= l; c++) columns.push([]);
    columns[l]!.push(id);
  }
  const order = new Map<string, number>();
  columns.forEach((col, c) => {
    if (c > 0) {
      const bary = (id: string): number => {
        const preds = (incoming.get(id) ?? []).filter((p) => order.has(p));
        return preds.length === 0
          ? Number.POSITIVE_INFINITY
          : preds.reduce((s, p) => s + order.get(p)!, 0) / preds.length;
      };
      const keyed = col.map((id, i) => ({ id, i, b: bary(id) }));
      keyed.sort((a, b) => a.b - b.b || a.i - b.i);
      col.splice(0, col.length, ...keyed.map((k) => k.id));
    }
    col.forEach((id, i) => {
      order.set(id, i);
    });
  });
  const tallest = Math.max(1, ...columns.map((c) => c?.length ?? 0));
  const height = MARGIN * 2 + tallest * NODE_HEIGHT + (tallest - 1) * ROW_GAP;
  const boxes = new Map<string, LayoutBox>();
  columns.forEach((col, c) => {
    const colHeight = col.length * NODE_HEIGHT + (col.length - 1) * ROW_GAP;
    const top = (height - colHeight) / 2;
    col.forEach((id, i) => {
      boxes.set(id, {
        x: MARGIN + c * (NODE_WIDTH + COLUMN_GAP),
        y: top + i * (NODE_HEIGHT + ROW_GAP),
        layer: c,
      });
    });
  });
  const width = MARGIN * 2 + columns.length * NODE_WIDTH + Math.max(0, columns.length - 1) * COLUMN_GAP;
  return { boxes, width, height };
}

type Point = readonly [number, number];

/** Does the segment a-b cross the box (Liang-Barsky clipping)? */
function crosses(a: Point, b: Point, box: LayoutBox): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const sides: [number, number][] = [
    [-dx, a[0] - box.x],
    [dx, box.x + NODE_WIDTH - a[0]],
    [-dy, a[1] - box.y],
    [dy, box.y + NODE_HEIGHT - a[1]],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const r = q / p;
      if (p < 0) t0 = Math.max(t0, r);
      else t1 = Math.min(t1, r);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/**
 * Edge path: right side to left side going forward. When that line would cross another box, or the
 * edge goes back or sideways, a detour below: along `laneY` when given (one lane per long edge).
 */
export function edgePoints(
  from: LayoutBox,
  to: LayoutBox,
  others: readonly LayoutBox[] = [],
  laneY?: number,
): Point[] {
  const midY = (b: LayoutBox) => b.y + NODE_HEIGHT / 2;
  const a: Point = [from.x + NODE_WIDTH, midY(from)];
  const b: Point = [to.x, midY(to)];
  if (
    laneY === undefined &&
    to.layer > from.layer &&
    !others.some((o) => o !== from && o !== to && crosses(a, b, o))
  ) {
    return [a, b];
  }
  if (laneY !== undefined && to.layer > from.layer) {
    // Down and across in the gaps between columns, where no box stands.
    const out = a[0] + COLUMN_GAP / 2;
    const into = b[0] - COLUMN_GAP / 2;
    return [a, [out, a[1]], [out, laneY], [into, laneY], [into, b[1]], b];
  }
  const below = laneY ?? Math.max(from.y, to.y) + NODE_HEIGHT + 12;
  return [
    [from.x + NODE_WIDTH / 2, from.y + NODE_HEIGHT],
    [from.x + NODE_WIDTH / 2, below],
    [to.x + NODE_WIDTH / 2, below],
    [to.x + NODE_WIDTH / 2, to.y + NODE_HEIGHT],
  ];
}

/** The point a fraction p (0..1) along a polyline. */
export function pointAlong(points: readonly Point[], p: number): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += segment(points[i - 1]!, points[i]!);
  let left = Math.min(1, Math.max(0, p)) * total;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = segment(a, b);
    if (left <= len || i === points.length - 1) {
      const f = len === 0 ? 0 : Math.min(1, left / len);
      return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
    }
    left -= len;
  }
  return points[0] ?? [0, 0];
}

function segment(a: Point, b: Point): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}
