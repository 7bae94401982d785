/// <reference lib="webworker" />
/**
 * The Python worker's boot downloads, all started at once: the wasm is compiled while it streams in (and
 * while the snapshot and the stdlib download), Pyodide's own script is imported meanwhile, and each part
 * leaves a `boot:*` performance measure so the bench can split the start-up time.
 */
import type { loadPyodide } from 'pyodide';
import { createSnapshotExpander, joinChunks } from '../snapshot/snapshotRuntime.mjs';

type PyodideConfig = NonNullable<Parameters<typeof loadPyodide>[0]>;
export type CreatePyodideModule = NonNullable<PyodideConfig['createPyodideModule']>;

/** Records one boot part as a measure on the worker's timeline (read by bench/bootSplit.mjs). */
export function measure(name: string, start: number): number {
  const end = performance.now();
  performance.measure(`boot:${name}`, { start, end });
  return end - start;
}

/**
 * Publishes the boot's measures and the worker's downloads on a BroadcastChannel, for the bench
 * (bench/bootSplit.mjs) to read from the page: nothing listens otherwise. The channel is opened now, while
 * the scope still has BroadcastChannel (hostHardening.ts), and used once more for the work after `ready`.
 */
export function openTimeline(): () => void {
  const channel = new BroadcastChannel('lambda-lab:boot-timeline');
  return () => publishTimeline(channel);
}

function publishTimeline(channel: BroadcastChannel): void {
  channel.postMessage({
    timeOrigin: performance.timeOrigin,
    measures: performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('boot:'))
      .map((m) => [m.name.slice('boot:'.length), m.startTime, m.duration]),
    files: performance
      .getEntriesByType('resource')
      .map((r) => [r.name, r.startTime, r.duration, (r as PerformanceResourceTiming).transferSize]),
  });
}

/** Combined byte progress over every download of the boot. */
export function createProgress(report: (loaded: number, total: number) => void) {
  let loaded = 0;
  let total = 0;
  return {
    expect: (bytes: number) => {
      total += bytes;
      report(loaded, total);
    },
    add: (bytes: number) => {
      loaded += bytes;
      report(loaded, total);
    },
  };
}
type Progress = ReturnType<typeof createProgress>;

async function fetchOk(url: string): Promise<Response> {
  const plain = url.split('#')[0] ?? url;
  const name = plain.split('/').pop()?.split('?')[0] ?? plain;
  let response: Response;
  try {
    response = (await fromCache(url)) ?? (await fetch(plain));
  } catch (error) {
    throw new Error(`Could not download ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok || !response.body)
    throw new Error(`Could not download ${name}: the server answered HTTP ${response.status}.`);
  return response;
}

/**
 * Reads a body to its end, counting each chunk into the progress and handing it to `sink`. A plain reader
 * rather than a TransformStream: tens of megabytes pass here, and a stream stage costs per chunk.
 */
async function readBody(
  response: Response,
  progress: Progress,
  name: string,
  start: number,
  sink: (chunk: Uint8Array) => void,
): Promise<void> {
  progress.expect(Number(response.headers.get('content-length') ?? 0));
  const reader = response.body?.getReader();
  for (;;) {
    const next = reader ? await reader.read() : { done: true as const, value: undefined };
    if (next.done) break;
    progress.add(next.value.byteLength);
    sink(next.value);
  }
  measure(`${name}-download`, start);
}

export async function download(url: string, progress: Progress, name: string): Promise<Uint8Array> {
  const start = performance.now();
  const response = await fetchOk(url);
  const chunks: Uint8Array[] = [];
  await readBody(response, progress, name, start, (chunk) => void chunks.push(chunk));
  return joinChunks(chunks);
}

/**
 * Streaming compile: V8 compiles the wasm as its bytes arrive. The response itself goes to V8 (progress
 * counts a clone): V8 keys its code cache by the response's URL, which a wrapped Response has lost, and
 * with the cache a repeat visit starts on optimized code instead of compiling baseline code again.
 */
export async function compileWasm(url: string, progress: Progress): Promise<WebAssembly.Module> {
  const start = performance.now();
  const response = await fetchOk(url);
  void readBody(response.clone(), progress, 'wasm', start, () => undefined).catch(() => undefined);
  const module = await WebAssembly.compileStreaming(response);
  measure('compile', start);
  return module;
}

/** The page marks a URL so when a service worker controls it: the file is then likely in Cache Storage. */
export const CACHED_HINT = '#cached';

/**
 * A file the service worker has cached, read from Cache Storage here (megabytes no longer stream through
 * the service worker's thread); caches answer oldest first, the active build's. Without the page's hint
 * (a first visit) Cache Storage is not opened at all.
 */
async function fromCache(url: string): Promise<Response | undefined> {
  if (!url.endsWith(CACHED_HINT) || typeof caches === 'undefined') return undefined;
  try {
    return await caches.match(url.split('#')[0] ?? url, { ignoreVary: true });
  } catch {
    return undefined; // Cache Storage refused (a private window may): the network answers.
  }
}

async function cachedOrFetched(url: string): Promise<Response | null> {
  return (await fromCache(url)) ?? fetch(url.split('#')[0] ?? url).catch(() => null);
}

export interface SnapshotDownload {
  /**
   * The memory image as soon as the file's header is in, its runs still landing (the whole image for a
   * file that is not sparse); null when there is no snapshot or it was made for another runtime.
   */
  readonly early: Promise<Uint8Array | null>;
  /** The same image once every byte has landed; rejects when the download fails or the file ends early. */
  readonly complete: Promise<Uint8Array | null>;
}

/** The snapshot, downloaded and expanded as it streams in (plain boot when it is missing or stale). */
export function downloadSnapshot(url: string, key: string, progress: Progress): SnapshotDownload {
  const start = performance.now();
  let announce: (image: Uint8Array | null) => void = () => undefined;
  const early = new Promise<Uint8Array | null>((resolve) => {
    announce = resolve;
  });
  const complete = (async () => {
    const [meta, response] = await Promise.all([
      cachedOrFetched(url.replace(/\.bin(\?[^#]*)?(#.*)?$/, '.json$2'))
        .then((r) => (r?.ok ? (r.json() as Promise<{ key?: unknown }>) : null))
        .catch(() => null),
      cachedOrFetched(url),
    ]);
    if (!meta || meta.key !== key || !response?.ok) {
      void response?.body?.cancel();
      return null;
    }
    // Expanded as it streams in: the runs land in the image at once, and no 16 MiB file is held besides.
    const expander = createSnapshotExpander();
    await readBody(response, progress, 'snapshot', start, (chunk) => {
      expander.push(chunk);
      const image = expander.image();
      if (image) announce(image);
    });
    return expander.finish();
  })();
  // A failed download still settles `early`, so nothing waits on it for good (the boot fails on `complete`).
  complete.then(announce, () => announce(null));
  return { early, complete };
}

/** Pyodide's loader script, imported (parsed and compiled) while the downloads run. */
export async function importLoader(indexUrl: string): Promise<CreatePyodideModule> {
  const start = performance.now();
  const script = (await import(/* @vite-ignore */ `${indexUrl}pyodide.asm.mjs`)) as {
    default: CreatePyodideModule;
  };
  measure('loader-script', start);
  return script.default;
}

/**
 * Runs loadPyodide with the wasm we already compiled. Pyodide fetches and instantiates the wasm itself,
 * so for this one call its fetch of the wasm gets an empty answer (never read) and its
 * instantiateStreaming our module. Pyodide is pinned to an exact version, and the
 * e2e boot goes through here, so a changed loader shows up at once.
 */
export async function withCompiledWasm<T>(
  wasmUrl: string,
  module: WebAssembly.Module,
  run: () => Promise<T>,
): Promise<T> {
  const scope = self as unknown as { fetch: typeof fetch };
  const realFetch = scope.fetch;
  const realInstantiate = WebAssembly.instantiateStreaming;
  scope.fetch = (input, init) =>
    String(input instanceof Request ? input.url : input) === wasmUrl
      ? Promise.resolve(new Response(null, { headers: { 'content-type': 'application/wasm' } }))
      : realFetch(input, init);
  const unpatch = () => {
    scope.fetch = realFetch;
    WebAssembly.instantiateStreaming = realInstantiate;
  };
  WebAssembly.instantiateStreaming = async (_source, imports) => {
    // Pyodide fetches the wasm before it instantiates: from here on nothing needs the stand-ins.
    unpatch();
    const start = performance.now();
    const instance = await WebAssembly.instantiate(module, imports);
    measure('instantiate', start);
    return { module, instance };
  };
  try {
    return await run();
  } finally {
    unpatch();
  }
}
