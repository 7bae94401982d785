/**
 * Browser side: Vite bundles every content file as raw text (one lazy chunk each), and the course is
 * validated by the same `loadCourse` the tests use. Call once at start-up, before the lesson reader.
 */
import { type LoadResult, loadCourse } from './loadCourse';

const modules = import.meta.glob<string>('/lessons/**/*', { query: '?raw', import: 'default' });

/** Paths as the loader expects them: `lessons/...`, without Vite's leading slash. */
export function bundledPaths(): string[] {
  return Object.keys(modules)
    .map((p) => p.replace(/^\//, ''))
    .sort();
}

export async function loadBundledCourse(): Promise<LoadResult> {
  const entries = await Promise.all(
    Object.entries(modules).map(async ([path, load]) => [path.replace(/^\//, ''), await load()] as const),
  );
  return loadCourse(new Map(entries));
}
