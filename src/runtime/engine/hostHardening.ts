/**
 * Defence in depth for the worker that runs handlers. Handler code cannot import `js` (see
 * lambda_lab_sandbox.py), but CPython is no perfect sandbox: code that digs a JavaScript object out of
 * the interpreter (gc.get_objects and friends) must find a global scope with nothing dangerous left.
 * After boot, nothing of the lab needs what is removed here (the worker's own code keeps private
 * references to what it uses). See SECURITY.md.
 */

/** Browser worker: storage, network, other scripts and workers, and messages to other tabs. */
export const BROWSER_REMOVED = [
  'indexedDB',
  'caches',
  'fetch',
  'importScripts',
  'XMLHttpRequest',
  'WebSocket',
  'WebTransport',
  'EventSource',
  'BroadcastChannel',
  'Worker',
  'SharedWorker',
  'close',
  'postMessage',
  'eval',
] as const;

/** Node worker thread: the process (signals, exit, built-in modules), the network, other threads. */
export const NODE_REMOVED = [
  'process',
  'lambdaLabPyodide',
  'fetch',
  'WebSocket',
  'EventSource',
  'BroadcastChannel',
  'eval',
] as const;

/** Deletes `name` from `scope` and from every prototype it inherits from (WebIDL puts most on those). */
function strip(scope: object, name: string): void {
  for (let owner: object | null = scope; owner !== null; owner = Object.getPrototypeOf(owner)) {
    if (Object.getOwnPropertyDescriptor(owner, name)) Reflect.deleteProperty(owner, name);
  }
}

/**
 * `(function () {}).constructor` is Function: every function kind's constructor goes. The global becomes a
 * stand-in that refuses to run code but keeps `x instanceof Function` working (Pyodide relies on it).
 */
function stripFunctionConstructors(scope: object): void {
  const refuse = function refuseCode() {
    throw new TypeError('Function() cannot run code in this worker');
  };
  Object.defineProperty(refuse, 'prototype', { value: Function.prototype });
  Object.defineProperty(refuse, 'name', { value: 'Function' });
  Object.defineProperty(scope, 'Function', { value: refuse, configurable: false, writable: false });
  const kinds: unknown[] = [
    () => undefined,
    async () => undefined,
    function* generator() {},
    async function* asyncGenerator() {},
  ];
  for (const kind of kinds) {
    const prototype: unknown = Object.getPrototypeOf(kind);
    if ((typeof prototype === 'object' && prototype !== null) || typeof prototype === 'function') {
      Object.defineProperty(prototype, 'constructor', {
        value: undefined,
        configurable: false,
        writable: false,
      });
    }
  }
}

/** setTimeout("code") runs a string as JavaScript in browsers: only functions are accepted from now on. */
function functionTimersOnly(scope: object): void {
  for (const name of ['setTimeout', 'setInterval']) {
    const original: unknown = Reflect.get(scope, name);
    if (typeof original !== 'function') continue;
    const guarded = (handler: unknown, ...rest: unknown[]) => {
      if (typeof handler !== 'function') throw new TypeError(`${name} takes a function in this worker`);
      return Reflect.apply(original, scope, [handler, ...rest]);
    };
    Object.defineProperty(scope, name, { value: guarded, configurable: false, writable: false });
  }
}

/** Removes the names and the code-running paths; returns the names still reachable (none, normally). */
export function hardenWorkerScope(scope: object, removed: readonly string[]): string[] {
  stripFunctionConstructors(scope);
  functionTimersOnly(scope);
  for (const name of removed) strip(scope, name);
  return removed.filter((name) => Reflect.get(scope, name) !== undefined);
}
