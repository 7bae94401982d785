/// <reference lib="webworker" />
/**
 * Lambda Lab's service worker (built to /sw.js by the `lambda-lab:service-worker` plugin in vite.config.ts,
 * which prepends this build's file list as LAB_PRECACHE).
 *
 * Hand-written rather than Workbox: besides precaching one build it must re-serve every response with
 * the cross-origin isolation headers (a static host that cannot set headers still gets SharedArrayBuffer),
 * and it swaps builds only on a navigation with no other tab open. Both would be custom code around
 * Workbox; on its own it is one small file with no dependency.
 *
 * - install: this build's files go into a cache of their own (all or nothing), then it waits, unless no
 *   build is active yet;
 * - fetch: answered from that cache first (offline, fast repeat visits), the network otherwise, always
 *   with COOP/COEP/CORP added;
 * - a navigation while a newer build waits and this is the only tab: the newer one takes over and the page
 *   reloads with it, so a page never mixes two builds.
 */
// A module for the type checker (its own `self`); the plugin drops the export, and the browser runs a script.
export {};

declare const self: ServiceWorkerGlobalScope;
declare const LAB_PRECACHE: { readonly version: string; readonly files: readonly string[] };

const PREFIX = 'lambda-lab-';
const CACHE = `${PREFIX}${LAB_PRECACHE.version}`;
/** A flag kept in the cache: "this build replaced another", told to the next page that asks. */
const UPDATED_FLAG = '__lambda-lab/updated';

const inScope = (path: string) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // no-cache: revalidated against the server, so an older build's file in the HTTP cache never slips in.
      await cache.addAll(LAB_PRECACHE.files.map((file) => new Request(inScope(file), { cache: 'no-cache' })));
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const old = (await caches.keys()).filter((key) => key.startsWith(PREFIX) && key !== CACHE);
      await Promise.all(old.map((key) => caches.delete(key)));
      if (old.length > 0) await (await caches.open(CACHE)).put(inScope(UPDATED_FLAG), new Response('1'));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  const data: unknown = event.data;
  if (data === 'skipWaiting') void self.skipWaiting();
  if (data === 'hello') {
    event.waitUntil(
      (async () => {
        const cache = await caches.open(CACHE);
        const updated = (await cache.delete(inScope(UPDATED_FLAG))) === true;
        event.source?.postMessage({ type: 'lambda-lab:sw', version: LAB_PRECACHE.version, updated });
      })(),
    );
  }
});

/** The same response with the headers that make the page (and its workers) cross-origin isolated. */
function isolated(response: Response): Response {
  if (response.status === 0 || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

const needsPolicy = (request: Request) =>
  request.mode === 'navigate' || request.destination === 'worker' || request.destination === 'sharedworker';

/** True when a newer build is installed and this navigation is the only window: switch now. */
async function switchBuilds(): Promise<boolean> {
  const waiting = self.registration.waiting;
  if (!waiting) return false;
  const windows = await self.clients.matchAll({ type: 'window' });
  if (windows.length > 1) return false;
  waiting.postMessage('skipWaiting');
  return true;
}

// ignoreVary: a static server's `Vary: Origin` would otherwise miss for module scripts, which send Origin.
async function answer(event: FetchEvent): Promise<Response> {
  const request = event.request;
  if (request.mode === 'navigate') {
    // Reload after a second, not at once: Chrome activates the skipped-waiting build only while this worker
    // has no fetch in flight, and an immediate reload loop can keep it busy for good.
    if (await switchBuilds()) return new Response('', { headers: { Refresh: '1' } });
    const cached = await caches.match(inScope('index.html'), { cacheName: CACHE, ignoreVary: true });
    if (cached && new URL(request.url).pathname === new URL(self.registration.scope).pathname)
      return isolated(cached);
  } else {
    const cached = await caches.match(request, { cacheName: CACHE, ignoreVary: true });
    // Documents and worker scripts carry the isolation policy; any other same-origin file is handed over
    // untouched, so the browser keeps its code cache for it (the compiled wasm above all).
    if (cached) return needsPolicy(request) ? isolated(cached) : cached;
  }
  return isolated(await fetch(request));
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (!url.href.startsWith(self.registration.scope)) return;
  event.respondWith(answer(event));
});
