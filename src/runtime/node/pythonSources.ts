/** Reads the Python runtime's sources from src/runtime/py for the Node host and the tests. */
import { readdirSync, readFileSync } from 'node:fs';
import type { PythonSources } from '../engine/engine';

export function readPythonSources(dir: URL = new URL('../py/', import.meta.url)): PythonSources {
  const sources: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.py')) sources[name] = readFileSync(new URL(name, dir), 'utf8');
  }
  return sources;
}
