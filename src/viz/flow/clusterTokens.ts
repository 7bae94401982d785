/**
 * Tokens that would be drawn on top of each other (same edge, same outcome, within a few pixels) become
 * one token with a count: a burst of 1,000 requests reads as "×1000" instead of 1,000 overlapping shapes,
 * and the page draws a handful of elements per frame instead of a thousand.
 */
import type { PlacedToken } from './flowTypes';

export interface TokenCluster {
  /** The earliest token of the cluster: what the drawing places and the inspector opens. */
  readonly first: PlacedToken;
  readonly count: number;
}

export function clusterTokens(placed: readonly PlacedToken[], cellPx = 8): TokenCluster[] {
  const byKey = new Map<string, { first: PlacedToken; count: number }>();
  for (const p of placed) {
    const key = `${p.token.edgeId}|${p.token.outcome}|${Math.round(p.x / cellPx)},${Math.round(p.y / cellPx)}`;
    const c = byKey.get(key);
    if (c) c.count++;
    else byKey.set(key, { first: p, count: 1 });
  }
  return [...byKey.values()];
}
