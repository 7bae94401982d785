/**
 * Registers the service worker (production builds, secure contexts only: on a plain-HTTP LAN address the
 * browser has no service workers and this does nothing) and tells the learner about new builds.
 *
 * Where the host sends the isolation headers, registration waits until Python is ready, so the first
 * visit's downloads do not compete with the service worker's copy of them. Where it does not, the worker
 * is what supplies the headers: it registers at once and the page reloads once it is in control.
 */
export interface ServiceWorkerHooks {
  /** Resolves when Python is ready (or has failed): the moment to start caching on a first visit. */
  readonly afterBoot: Promise<unknown>;
  readonly notify: (text: string) => void;
}

const RELOADED = 'lambda-lab:isolation-reload';

export function registerServiceWorker(base: string, hooks: ServiceWorkerHooks): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const container = navigator.serviceWorker;
  const needsIsolation = !window.crossOriginIsolated;
  const hadController = container.controller !== null;

  container.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: string; updated?: boolean } | null;
    if (data?.type === 'lambda-lab:sw' && data.updated)
      hooks.notify('Lambda Lab was updated: this page runs the new version.');
  });
  container.controller?.postMessage('hello');

  container.addEventListener('controllerchange', () => {
    // First control on a host without the headers: one reload makes the page cross-origin isolated.
    if (needsIsolation && !hadController && sessionStorage.getItem(RELOADED) !== '1') {
      sessionStorage.setItem(RELOADED, '1');
      location.reload();
    }
  });

  const announce = () =>
    hooks.notify(
      'A new version of Lambda Lab is ready. It is used the next time you open the lab (close its other tabs, then reload).',
    );
  // Watched through `ready`, not register()'s result: offline, register() fails but updates come later.
  void container.ready.then((registration) => {
    if (registration.waiting) announce();
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed' && registration.active) announce();
      });
    });
  });
  const register = () => container.register(`${base}sw.js`, { scope: base });
  const start = () =>
    register().catch((error: unknown) =>
      console.warn('Lambda Lab works without offline support here:', error),
    );
  if (needsIsolation) void start();
  else void hooks.afterBoot.finally(start);
}
