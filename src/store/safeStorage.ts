/**
 * Storage for the persist middleware that validates what it reads. A save it cannot understand is copied
 * aside under its own key (never erased), reported through `onSetAside`, and the lab starts fresh.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';

export interface SafeStorageOptions<S> {
  /** Turns the saved state of any known version into the current one, or says why it cannot. */
  readonly parse: (state: unknown, version: number) => { ok: true; state: S } | { ok: false; reason: string };
  readonly version: number;
  readonly onSetAside: (notice: { key: string; reason: string }) => void;
  readonly storage?: Storage;
}

export function createSafeStorage<S>(options: SafeStorageOptions<S>): PersistStorage<S> {
  const storage = () => options.storage ?? globalThis.localStorage;
  const setAside = (name: string, raw: string, reason: string) => {
    const key = `${name}.set-aside.${new Date().toISOString()}`;
    try {
      storage().setItem(key, raw);
    } catch {
      // Storage full or blocked: the report still tells the learner what happened.
    }
    options.onSetAside({ key, reason });
  };
  return {
    getItem(name): StorageValue<S> | null {
      let raw: string | null;
      try {
        raw = storage().getItem(name);
      } catch {
        return null;
      }
      if (raw === null) return null;
      let saved: unknown;
      try {
        saved = JSON.parse(raw);
      } catch {
        setAside(name, raw, 'it is not valid JSON');
        return null;
      }
      const envelope = saved as { state?: unknown; version?: unknown } | null;
      const version = typeof envelope?.version === 'number' ? envelope.version : 0;
      const parsed = options.parse(envelope?.state, version);
      if (!parsed.ok) {
        setAside(name, raw, parsed.reason);
        return null;
      }
      return { state: parsed.state, version: options.version };
    },
    setItem(name, value) {
      try {
        storage().setItem(name, JSON.stringify(value));
      } catch {
        // Quota exceeded: keep working in memory; export still saves everything.
      }
    },
    removeItem(name) {
      storage().removeItem(name);
    },
  };
}
