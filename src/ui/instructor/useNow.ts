/** Wall-clock time for the lecture timer, refreshed a few times a second while `live`. */
import { useEffect, useState } from 'react';

export function useNow(live: boolean, everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!live) return;
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [live, everyMs]);
  return now;
}
