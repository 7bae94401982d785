import { afterEach, describe, expect, it, vi } from 'vitest';
import { sparseSnapshot } from '../snapshot/snapshotRuntime.mjs';
import { createProgress, downloadSnapshot, withCompiledWasm } from './bootAssets';

const URL_BIN = 'http://lab.test/pyodide/snapshot.bin';

/** A memory image with zero pages between filled ones, as a restored heap has. */
function heapImage(): Uint8Array {
  const image = new Uint8Array(12 * 4096 + 100);
  for (let i = 0; i < image.length; i += 3) if ((i >> 12) % 4 !== 2) image[i] = (i % 250) + 1;
  return image;
}

/** Serves the snapshot's metadata at once and its body through a stream the test feeds by hand. */
function serveSnapshot(key: string) {
  let body!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      body = controller;
    },
  });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.endsWith('snapshot.json')) return new Response(JSON.stringify({ key }));
    if (url.endsWith('snapshot.bin')) return new Response(stream);
    return new Response(null, { status: 404 });
  });
  return body;
}

const settled = (promise: Promise<unknown>) => {
  let done = false;
  promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  return () => done;
};

const progress = () => createProgress(() => undefined);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the snapshot download', () => {
  it("hands out the image as soon as the file's header is in, and the same image filled once every run lands", async () => {
    const image = heapImage();
    const file = sparseSnapshot(image);
    const body = serveSnapshot('k1');
    const load = downloadSnapshot(URL_BIN, 'k1', progress());
    const completeDone = settled(load.complete);
    // The header (12 bytes and 8 a run) plus a little of the first run.
    const headerEnd = 12 + 8 * new DataView(file.buffer).getUint32(8, true);
    body.enqueue(file.slice(0, headerEnd + 10));
    const early = await load.early;
    expect(early?.length).toBe(image.length);
    expect(completeDone()).toBe(false);
    expect(early).not.toEqual(image);
    for (let at = headerEnd + 10; at < file.length; at += 5000) body.enqueue(file.slice(at, at + 5000));
    body.close();
    const complete = await load.complete;
    expect(complete).toBe(early);
    expect(complete).toEqual(image);
  });

  it('answers null for both when the snapshot was made for another runtime', async () => {
    const body = serveSnapshot('another');
    const load = downloadSnapshot(URL_BIN, 'k1', progress());
    body.close();
    expect(await load.early).toBeNull();
    expect(await load.complete).toBeNull();
  });

  it('fails the download when the file ends early or the connection drops, without leaving `early` pending', async () => {
    const file = sparseSnapshot(heapImage());
    const cut = serveSnapshot('k1');
    const short = downloadSnapshot(URL_BIN, 'k1', progress());
    cut.enqueue(file.slice(0, file.length - 1));
    cut.close();
    await expect(short.complete).rejects.toThrow('ended early');
    expect((await short.early)?.length).toBe(heapImage().length);

    const dropped = serveSnapshot('k1');
    const broken = downloadSnapshot(URL_BIN, 'k1', progress());
    dropped.enqueue(file.slice(0, 5));
    dropped.error(new TypeError('network error'));
    await expect(broken.complete).rejects.toThrow('network error');
    expect(await broken.early).toBeNull();
  });
});

describe('loading Pyodide with the wasm already compiled', () => {
  it('puts fetch and instantiateStreaming back as soon as the wasm is instantiated, even if the load never ends', async () => {
    vi.stubGlobal('self', globalThis); // the worker's scope
    const realFetch = globalThis.fetch;
    const realInstantiate = WebAssembly.instantiateStreaming;
    // The smallest valid module: the magic number and version.
    const module = await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    const wasmUrl = 'http://lab.test/pyodide/pyodide.asm.wasm';
    let instantiated: WebAssembly.Instance | undefined;
    let answeredEmpty = false;
    void withCompiledWasm(wasmUrl, module, async () => {
      // What Pyodide's loader does: fetch the wasm, then instantiate it from that response.
      const response = await fetch(wasmUrl);
      answeredEmpty = (await response.arrayBuffer()).byteLength === 0;
      instantiated = (await WebAssembly.instantiateStreaming(response, {})).instance;
      return new Promise<never>(() => undefined);
    });
    await vi.waitFor(() => expect(instantiated).toBeInstanceOf(WebAssembly.Instance));
    expect(answeredEmpty).toBe(true);
    expect(globalThis.fetch).toBe(realFetch);
    expect(WebAssembly.instantiateStreaming).toBe(realInstantiate);
  });
});
