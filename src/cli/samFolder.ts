/** A SAM application folder on disk, as the template reader takes it: the template and every text file. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { appInput } from '../sam/appFiles';
import type { ReadInput } from '../sam/templateNames';
import { UsageError } from './invokeCommand';

const SKIP = new Set(['node_modules', '.git', '.venv', 'venv', '__pycache__', '.aws-sam', '.pytest_cache']);
const MAX_FILES = 2000;
const MAX_BYTES = 50 * 1024 * 1024;

/** Text files only: Pyodide runs pure Python, and a binary (a .so, an image) cannot be a lab file. */
const isText = (bytes: Buffer) => !bytes.subarray(0, 8000).includes(0);

export function readAppFolder(templatePath: string): Omit<ReadInput, 'parameterOverrides' | 'stackName'> {
  if (!existsSync(templatePath)) throw new UsageError(`No template at ${templatePath}.`);
  if (statSync(templatePath).isDirectory())
    throw new UsageError(`${templatePath} is a folder; give the template file.`);
  const root = dirname(templatePath);
  const files: Record<string, string> = {};
  let total = 0;
  const walk = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      if (SKIP.has(name) || Object.keys(files).length >= MAX_FILES) continue;
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) {
        if (depth < 8) walk(path, depth + 1);
        continue;
      }
      if (!stat.isFile() || total + stat.size > MAX_BYTES) continue;
      const bytes = readFileSync(path);
      if (!isText(bytes)) continue;
      total += stat.size;
      files[relative(root, path).split(sep).join('/')] = bytes.toString('utf8');
    }
  };
  walk(root, 0);
  files[basename(templatePath)] = readFileSync(templatePath, 'utf8');
  return appInput(files, basename(templatePath));
}

/** `--parameter-overrides Key=Value Key2=Value2` (or ParameterKey=K,ParameterValue=V, as sam takes). */
export function parseOverrides(values: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of values.flatMap((v) => v.split(/\s+/)).filter((v) => v !== '')) {
    const long = /^ParameterKey=([^,]+),ParameterValue=(.*)$/.exec(item);
    const at = item.indexOf('=');
    if (long) out[long[1] as string] = long[2] as string;
    else if (at > 0) out[item.slice(0, at)] = item.slice(at + 1);
    else throw new UsageError(`--parameter-overrides takes Key=Value, not "${item}".`);
  }
  return out;
}

/**
 * `--env-vars env.json` as `sam local` reads it: `{"LogicalId": {"KEY": "value"}, "Parameters": {...}}`
 * ("Parameters" applies to every function). Like sam, it only overrides variables the template declares.
 */
export function readEnvVars(
  path: string | undefined,
): (logicalId: string, env: Record<string, string>) => Record<string, string> {
  if (path === undefined) return (_id, env) => env;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `--env-vars ${path} is not a JSON file the lab can read (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const table = (key: string): Record<string, unknown> => {
    const v = data && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  };
  return (logicalId, env) => {
    const out = { ...env };
    for (const source of [table('Parameters'), table(logicalId)])
      for (const [k, v] of Object.entries(source)) if (k in out) out[k] = String(v);
    return out;
  };
}
