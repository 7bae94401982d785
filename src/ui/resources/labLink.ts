/**
 * How the Resources and Output views reach the learner's world: the console kit (read models and actions)
 * loads with `import()` on first use, and views re-read the world whenever the store's traceVersion moves.
 * Tests provide their own world through LabLinkContext.
 */
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { LiveWorld } from '../../controller/console/consoleKit';
import { useLabStore } from '../../store/labStore';

export type Kit = typeof import('../../controller/console/consoleKit');

export interface LabLink {
  readonly kit: Kit;
  /** The learner's world, or null while Python (and so the world) is not ready. */
  live(): LiveWorld | null;
}

const loadLearnerLink = (): Promise<LabLink> =>
  import('../../controller/console/consoleActions').then((m) => ({ kit: m, live: m.liveWorld }));

export const LabLinkContext = createContext<() => Promise<LabLink>>(loadLearnerLink);

/** The link once its chunk has loaded, else null. */
export function useLabLink(): LabLink | null {
  const load = useContext(LabLinkContext);
  const [link, setLink] = useState<LabLink | null>(null);
  useEffect(() => {
    let alive = true;
    void load().then((l) => {
      if (alive) setLink(l);
    });
    return () => {
      alive = false;
    };
  }, [load]);
  return link;
}

export interface WorldRead<T> {
  readonly kit: Kit;
  readonly live: LiveWorld;
  readonly value: T;
}

/** Why there is nothing to read yet: the view's code is still loading, or the world waits for Python. */
export interface WorldMissing {
  readonly missing: 'loading' | 'python';
}

/**
 * Reads the world with `read` after every world change (and when `deps` change), or says why it cannot
 * yet. The read is a pure function of the world, so re-running it is always safe.
 */
export function useWorldRead<T>(
  read: (kit: Kit, live: LiveWorld) => T,
  deps: readonly unknown[] = [],
): WorldRead<T> | WorldMissing {
  const link = useLabLink();
  const version = useLabStore((s) => s.traceVersion);
  const ready = useLabStore((s) => s.python.state === 'ready');
  // biome-ignore lint/correctness/useExhaustiveDependencies: version and ready are the world's change signals; read is inline
  return useMemo(() => {
    if (!link) return { missing: 'loading' as const };
    const live = link.live();
    if (!live) return { missing: 'python' as const };
    return { kit: link.kit, live, value: read(link.kit, live) };
  }, [link, version, ready, ...deps]);
}
