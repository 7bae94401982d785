export declare const WARM_MODULES: readonly string[];
export declare function snapshotKey(): string;
export declare function makeSnapshot(
  outFile: string,
): Promise<{ pyodideVersion: string; key: string; bytes: number; modules: string[]; ms: number }>;
