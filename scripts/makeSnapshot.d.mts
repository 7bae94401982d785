export declare const WARM_MODULES: readonly string[];
export declare function snapshotKey(): string;
export declare function readRuntimeSources(dir?: string, prefix?: string): Record<string, string>;
export declare function makeSnapshot(outFile: string): Promise<{
  pyodideVersion: string;
  key: string;
  bytes: number;
  modules: string[];
  runtime: string;
  runtimeLeftOut: string[];
  ms: number;
}>;
