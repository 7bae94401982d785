/**
 * The second wall, tested on its own: a Node worker thread's scope after hardenWorkerScope, as handler code
 * that dug a JavaScript object out of the interpreter would find it (the first wall, no `js` module, is in
 * hostile.test.ts).
 */
import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';

const MODULE = new URL('./hostHardening.ts', import.meta.url).href;

/** Runs in the worker (CommonJS eval): harden, then try every way out a handler would try. */
const PROBE = `
const { parentPort } = require('node:worker_threads');
(async () => {
  const { register } = await import('tsx/esm/api');
  register();
  const { hardenWorkerScope, NODE_REMOVED } = await import(${JSON.stringify(MODULE)});
  const left = hardenWorkerScope(globalThis, NODE_REMOVED);
  const attempt = (run) => { try { return String(run()); } catch (error) { return 'refused: ' + error.constructor.name; } };
  parentPort.postMessage({
    left,
    process: typeof globalThis.process,
    fetch: typeof globalThis.fetch,
    eval: typeof globalThis.eval,
    functionGlobal: attempt(() => Function('return 1')()),
    functionConstructor: attempt(() => (function () {}).constructor('return 1')()),
    asyncConstructor: attempt(() => typeof (async () => {}).constructor),
    arrowViaObject: attempt(() => Object.constructor('return 1')()),
    stringTimer: attempt(() => setTimeout('1', 0)),
    functionTimer: attempt(() => { clearTimeout(setTimeout(() => {}, 0)); return 'ok'; }),
    instanceOf: (() => {}) instanceof Function,
  });
})();
`;

it('a hardened Node worker has no process, network or eval, and no function constructor runs code', async () => {
  const worker = new Worker(PROBE, { eval: true });
  const result = await new Promise<Record<string, unknown>>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  expect(result).toEqual({
    left: [],
    process: 'undefined',
    fetch: 'undefined',
    eval: 'undefined',
    functionGlobal: 'refused: TypeError',
    functionConstructor: 'refused: TypeError',
    asyncConstructor: 'undefined',
    arrowViaObject: 'refused: TypeError',
    stringTimer: 'refused: TypeError',
    functionTimer: 'ok',
    instanceOf: true,
  });
}, 30_000);
