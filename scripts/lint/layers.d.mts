/** Types of layers.mjs (plain JS so `node scripts/lint/layers.mjs --write` runs without a build). */
export interface Layer {
  readonly dir: string;
  readonly uses: readonly string[];
  readonly role: string;
}
export interface BiomeConfig {
  readonly overrides: readonly unknown[];
  readonly [key: string]: unknown;
}
export const LAYERS: readonly Layer[];
export function refused(layer: Layer): string[];
export function biomeOverride(layer: Layer): unknown;
export function markdownTable(): string;
export function withTable(doc: string): string;
export function withOverrides(config: BiomeConfig): BiomeConfig;
export function tableCells(doc: string): string[][];
export const TABLE_DOCS: readonly string[];
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly spec: string;
}
export function importEdges(): ImportEdge[];
export function brokenImports(edges: readonly ImportEdge[]): string[];
export function folderCycle(edges: readonly ImportEdge[]): string[];
