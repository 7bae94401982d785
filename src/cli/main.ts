/**
 * The headless `lambda-lab` command: `sam local invoke` without Docker, over the same simulated world and
 * Pyodide runtime as the browser lab.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createNodeRuntime } from '../runtime/node/nodeRuntime';
import { generateEvent, listTemplates } from './generateEvent';
import {
  type CommandOutput,
  createCliLab,
  type InvokeOptions,
  runInvoke,
  templateEvent,
  UsageError,
} from './invokeCommand';
import { isSamInvoke, samMain } from './samCommands';

export const USAGE = `Usage:
  lambda-lab invoke FILE.py [--handler mod.fn] [--event FILE | --event-json '{..}' | --template s3-put]
                            [--memory MB] [--timeout S] [--env K=V]... [--times N] [--concurrency N]
                            [--log-format text|json]
  lambda-lab generate-event SOURCE KIND [--option value]...
  lambda-lab generate-event --list
  lambda-lab invoke -t template.yaml [LogicalId] [-e event.json | --event-json '{..}']
                    [--parameter-overrides K=V ...] [--env-vars env.json]
  lambda-lab start-api -t template.yaml [--port 3000] [--host 127.0.0.1] [--parameter-overrides K=V ...]
  lambda-lab validate -t template.yaml [--parameter-overrides K=V ...]

invoke prints the CloudWatch-style log lines to stderr and each response as JSON on stdout; it exits
with 1 when an invocation fails. Everything runs locally: Python in Pyodide, Lambda simulated.`;

function integer(
  name: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}".`);
  return n;
}

export function parseInvoke(args: readonly string[]): InvokeOptions {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      handler: { type: 'string' },
      event: { type: 'string' },
      'event-json': { type: 'string' },
      template: { type: 'string' },
      memory: { type: 'string' },
      timeout: { type: 'string' },
      env: { type: 'string', multiple: true },
      times: { type: 'string' },
      concurrency: { type: 'string' },
      'log-format': { type: 'string' },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('invoke takes exactly one handler file.');
  const sources = [values.event, values['event-json'], values.template].filter((v) => v !== undefined);
  if (sources.length > 1) throw new UsageError('Give at most one of --event, --event-json and --template.');
  let eventJson = '{}';
  if (values.event !== undefined) eventJson = readFileSync(values.event, 'utf8');
  else if (values['event-json'] !== undefined) eventJson = values['event-json'];
  else if (values.template !== undefined) eventJson = templateEvent(values.template);
  try {
    JSON.parse(eventJson);
  } catch (error) {
    throw new UsageError(
      `The event is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const env: Record<string, string> = {};
  for (const pair of values.env ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--env takes KEY=VALUE, not "${pair}".`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const logFormat = values['log-format'] ?? 'text';
  if (logFormat !== 'text' && logFormat !== 'json') throw new UsageError('--log-format is text or json.');
  const options: InvokeOptions = {
    file,
    handler: values.handler,
    eventJson,
    memory: integer('memory', values.memory, 128, 1, 100_000),
    timeout: integer('timeout', values.timeout, 3, 1, 100_000),
    env,
    times: integer('times', values.times, 1, 1, 10_000),
    concurrency: integer('concurrency', values.concurrency, 1, 1, 1000),
    logFormat,
  };
  statSync(file); // a missing handler fails here, before Python starts (main reports the path)
  return options;
}

function parseGenerate(args: readonly string[]): CommandOutput {
  if (args[0] === '--list') return { stdout: listTemplates(), stderr: [], exitCode: 0 };
  const [source, kind, ...rest] = args;
  if (!source || !kind)
    throw new UsageError('generate-event takes SOURCE KIND, e.g. `generate-event s3 put`.');
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const flag = rest[i] ?? '';
    const value = rest[i + 1];
    if (!flag.startsWith('--') || value === undefined)
      throw new UsageError(`Options come as --name value, not "${flag}".`);
    options[flag.slice(2)] = value;
  }
  return generateEvent(source, kind, options);
}

/** "no such file: PATH" for a file-system error about a missing file, else null. */
export function missingPath(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = Reflect.get(error, 'code');
  const path = Reflect.get(error, 'path');
  return (code === 'ENOENT' || code === 'ENOTDIR') && typeof path === 'string'
    ? `no such file: ${path}`
    : null;
}

export async function main(argv: readonly string[]): Promise<CommandOutput> {
  const [command, ...rest] = argv;
  try {
    if ((command === 'invoke' && isSamInvoke(rest)) || command === 'validate' || command === 'start-api')
      return await samMain(command, rest);
    if (command === 'invoke') {
      const options = parseInvoke(rest);
      const lab = createCliLab(Date.now(), Date.now() % 2 ** 31);
      const runtime = createNodeRuntime({ awsCall: (json) => lab.awsCall(json) });
      try {
        return await runInvoke(options, runtime, lab);
      } finally {
        await runtime.close();
      }
    }
    if (command === 'generate-event') return parseGenerate(rest);
    if (command === undefined || command === '--help' || command === '-h') {
      return { stdout: [USAGE], stderr: [], exitCode: command === undefined ? 2 : 0 };
    }
    throw new UsageError(`Unknown command "${command}".`);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      return { stdout: [], stderr: [`lambda-lab: ${error.message}`, '', USAGE], exitCode: 2 };
    }
    // Any file the command was pointed at (handler, --event, ...) that is not there: say which, exit 2.
    const missing = missingPath(error);
    if (missing !== null) return { stdout: [], stderr: [`lambda-lab: ${missing}`], exitCode: 2 };
    throw error;
  }
}
