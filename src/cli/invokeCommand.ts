/**
 * `lambda-lab invoke`: deploys one handler file (and the Python files beside it) into a fresh simulated
 * world and invokes it, with the same sim and runtime code the browser uses. Returns what to print
 * instead of printing, so tests can check it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { buildTemplate, findTemplate } from '../host/eventTemplates';
import { createLabRunner } from '../host/labRunner';
import { createLabWorld, LAB_ROLE_ARN, type LabWorld } from '../host/labWorld';
import type { RuntimePort } from '../sim';

export interface InvokeOptions {
  readonly file: string;
  readonly handler?: string;
  readonly eventJson: string;
  readonly memory: number;
  readonly timeout: number;
  readonly env: Readonly<Record<string, string>>;
  readonly times: number;
  readonly concurrency: number;
  readonly logFormat: 'text' | 'json';
}

export interface CommandOutput {
  readonly stdout: string[];
  readonly stderr: string[];
  readonly exitCode: number;
}

const FUNCTION_NAME = 'lambda-lab-cli';
const MAX_FILES = 200;
const SKIP = new Set(['node_modules', '.git', '.venv', 'venv', '__pycache__', '.aws-sam']);

/** The handler's folder as a deployment package: every .py file below it (a few levels deep). */
export function packageFiles(file: string): Record<string, string> {
  const root = dirname(file);
  // The handler first: a missing one is reported by its own path, not by a neighbour's.
  if (statSync(file).isDirectory()) throw new UsageError(`${file} is a folder, not a handler file.`);
  const handler = readFileSync(file, 'utf8');
  const files: Record<string, string> = {};
  const walk = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (SKIP.has(name) || Object.keys(files).length >= MAX_FILES) continue;
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat === undefined) continue; // a dangling link beside the handler is not part of the package
      if (stat.isDirectory() && depth < 3) walk(path, depth + 1);
      else if (stat.isFile() && name.endsWith('.py'))
        files[relative(root, path)] = readFileSync(path, 'utf8');
    }
  };
  walk(root, 0);
  files[basename(file)] = handler;
  return files;
}

/** `--template s3-put` or `--template s3/put`: a sample event by its generate-event name. */
export function templateEvent(name: string): string {
  const [source, ...rest] = name.split(/[-/]/);
  const template = findTemplate(source ?? '', rest.join('-'));
  if (!template)
    throw new UsageError(`Unknown template "${name}". Run \`lambda-lab generate-event --list\` to see them.`);
  return JSON.stringify(buildTemplate(template));
}

export class UsageError extends Error {}

/** `seed` picks request and environment ids; runs that share one runtime need different seeds. */
/** The lab world `runInvoke` uses; the runtime's AWS channel must answer through `lab.awsCall`. */
export function createCliLab(startTimeMs: number, seed: number): LabWorld {
  // Like `sam local invoke`, which runs with the developer's own credentials: every action is allowed.
  return createLabWorld({ seed, startTimeMs, access: 'admin' });
}

export async function runInvoke(
  options: InvokeOptions,
  runtime: RuntimePort,
  lab: LabWorld,
): Promise<CommandOutput> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const { world } = lab;
  const runner = createLabRunner(world, runtime);
  const moduleName = basename(options.file).replace(/\.py$/, '');
  const environment = {
    ...options.env,
    ...(options.logFormat === 'json' ? { AWS_LAMBDA_LOG_FORMAT: 'JSON' } : {}),
  };
  const created = await runner.command((w) =>
    w.createFunction({
      functionName: FUNCTION_NAME,
      role: LAB_ROLE_ARN,
      runtime: 'python3.13',
      handler: options.handler ?? `${moduleName}.lambda_handler`,
      memorySize: options.memory,
      timeout: options.timeout,
      environment: { variables: environment },
      loggingConfig: { logFormat: options.logFormat === 'json' ? 'JSON' : 'Text' },
      code: { files: packageFiles(options.file) },
    }),
  );
  if (!created.ok) {
    return { stdout, stderr: [`${created.error.name}: ${created.error.message}`], exitCode: 2 };
  }
  let failed = false;
  for (let round = 0; round < options.times; round++) {
    const outcomes = await runner.invokeAll(
      Array.from({ length: options.concurrency }, () => ({
        functionName: FUNCTION_NAME,
        payloadJson: options.eventJson,
      })),
    );
    for (const { accepted, response } of outcomes) {
      if (!accepted.ok) {
        failed = true;
        stdout.push(JSON.stringify({ errorType: accepted.error.name, errorMessage: accepted.error.message }));
      } else if (response) {
        if (response.functionError) failed = true;
        stdout.push(response.payloadJson);
      }
    }
  }
  await runner.runUntilIdle();
  for (const event of world.logs.events(`/aws/lambda/${FUNCTION_NAME}`)) stderr.push(event.message);
  return { stdout, stderr, exitCode: failed ? 1 : 0 };
}
