/** Reads the Python runtime's sources (and the boto3 shim below py/shim) for the Node host and the tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { PythonSources } from '../engine/engine';

export function readPythonSources(dir: URL = new URL('../py/', import.meta.url)): PythonSources {
  const sources: Record<string, string> = {};
  const walk = (folder: URL, prefix: string) => {
    for (const name of readdirSync(folder)) {
      const url = new URL(name, folder);
      if (statSync(url).isDirectory()) walk(new URL(`${name}/`, folder), `${prefix}${name}/`);
      else if (name.endsWith('.py')) sources[`${prefix}${name}`] = readFileSync(url, 'utf8');
    }
  };
  walk(dir, '');
  return sources;
}
