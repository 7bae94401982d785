type Sources = Readonly<Record<string, string>>;
export declare const RUNTIME_DIR: string;
export declare const SITE_PACKAGES: string;
export declare function runtimeDigest(sources: Sources): string;
export declare const MARKER: string;
export declare function sandboxPython(digest: string): string;
export declare function sparseSnapshot(bytes: Uint8Array): Uint8Array<ArrayBuffer>;
export declare function expandSnapshot(bytes: Uint8Array): Uint8Array;
export interface SnapshotExpander {
  /** The image once a sparse file's header is in, its runs still landing; null before, and for other forms. */
  image(): Uint8Array | null;
  push(chunk: Uint8Array): void;
  finish(): Uint8Array;
}
export declare function createSnapshotExpander(): SnapshotExpander;
export declare function joinChunks(chunks: readonly Uint8Array[]): Uint8Array;
