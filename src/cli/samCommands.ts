/**
 * The SAM side of `lambda-lab`, shaped like `sam local`: `invoke -t template.yaml [LogicalId]`, and
 * `validate -t template.yaml`, over a lab world the template reader and builder make (src/sam).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createLabRunner, type LabRunner } from '../host/labRunner';
import { createLabWorld, type LabWorld } from '../host/labWorld';
import { createNodeRuntime } from '../runtime/node/nodeRuntime';
import { type BuiltApp, buildSamApp, SamBuildError } from '../sam/buildApp';
import { readSamTemplate } from '../sam/readTemplate';
import type { SamApp } from '../sam/samApp';
import { TemplateError } from '../sam/templateFile';
import type { KnownIds } from '../sam/templateNames';
import type { RuntimePort } from '../sim';
import { type CommandOutput, UsageError } from './invokeCommand';
import { parseOverrides, readAppFolder, readEnvVars } from './samFolder';
import { describeApp } from './samValidate';
import { startApiServer } from './startApi';

/** `invoke` takes a template (SAM mode) when -t is given or --template names a .yaml/.yml/.json file. */
export function isSamInvoke(args: readonly string[]): boolean {
  return args.some(
    (a, i) =>
      a === '-t' ||
      /^--template=.*\.(ya?ml|json)$/.test(a) ||
      (a === '--template' && /\.(ya?ml|json)$/.test(args[i + 1] ?? '')),
  );
}

/**
 * `--parameter-overrides A=1 B=2` as sam takes it: node's parser keeps only `A=1`, so the `K=V` words
 * after it come back as positionals; they are overrides, not a LogicalId.
 */
function splitOverrides(
  values: { 'parameter-overrides'?: string[] },
  positionals: readonly string[],
): { overrides: string[]; rest: string[] } {
  const overrides = [...(values['parameter-overrides'] ?? [])];
  const rest: string[] = [];
  for (const p of positionals) (/^[A-Za-z0-9]+=|^ParameterKey=/.test(p) ? overrides : rest).push(p);
  return { overrides, rest };
}

const COMMON = {
  template: { type: 'string', short: 't' },
  'parameter-overrides': { type: 'string', multiple: true },
  'stack-name': { type: 'string' },
  'env-vars': { type: 'string' },
} as const;

export interface SamSource {
  readonly templatePath: string;
  read(ids?: KnownIds): SamApp;
}

export function samSource(values: {
  template?: string;
  'parameter-overrides'?: string[];
  'stack-name'?: string;
  'env-vars'?: string;
}): SamSource {
  if (!values.template) throw new UsageError('Give the template with -t template.yaml.');
  const input = readAppFolder(values.template);
  const parameterOverrides = parseOverrides(values['parameter-overrides'] ?? []);
  const stackName = values['stack-name'] ?? 'sam-app';
  const envVars = readEnvVars(values['env-vars']);
  const read = (ids?: KnownIds): SamApp => {
    const app = readSamTemplate({ ...input, parameterOverrides, stackName, ids });
    const functions = Object.fromEntries(
      Object.entries(app.workspace.functions).map(([name, fn]) => [
        name,
        { ...fn, environment: envVars(app.extras[name]?.logicalId ?? name, fn.environment) },
      ]),
    );
    return { ...app, workspace: { ...app.workspace, functions } };
  };
  return { templatePath: values.template, read };
}

/** A template's or a build's refusal as the CLI prints it (exit 2), or null for anything else. */
export function samFailure(error: unknown): CommandOutput | null {
  if (error instanceof TemplateError || error instanceof SamBuildError)
    return { stdout: [], stderr: [`lambda-lab: ${error.message}`], exitCode: 2 };
  return null;
}

export interface SamLab {
  readonly lab: LabWorld;
  readonly runner: LabRunner;
  readonly built: BuiltApp;
}

export async function buildFromSource(
  source: SamSource,
  runtime: RuntimePort,
  lab: LabWorld,
): Promise<SamLab> {
  const runner = createLabRunner(lab.world, runtime);
  return { lab, runner, built: await buildSamApp(lab, runner, source.read) };
}

/** The lab world a SAM command builds in: roles come from the template, so none is allow-all. */
export const createSamLab = (startTimeMs: number, seed: number): LabWorld =>
  createLabWorld({ seed, startTimeMs, access: 'basic' });

export interface SamInvokeOptions {
  readonly source: SamSource;
  readonly logicalId: string | undefined;
  readonly eventJson: string;
}

export function parseSamInvoke(args: readonly string[]): SamInvokeOptions {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { ...COMMON, event: { type: 'string', short: 'e' }, 'event-json': { type: 'string' } },
  });
  const { overrides, rest } = splitOverrides(values, positionals);
  if (rest.length > 1) throw new UsageError('invoke -t takes at most one LogicalId.');
  if (values.event !== undefined && values['event-json'] !== undefined)
    throw new UsageError('Give at most one of -e/--event and --event-json.');
  let eventJson = '{}';
  if (values.event !== undefined) {
    try {
      eventJson = readFileSync(values.event === '-' ? 0 : values.event, 'utf8');
    } catch {
      throw new UsageError(`Cannot read the event file ${values.event}.`);
    }
  } else if (values['event-json'] !== undefined) eventJson = values['event-json'];
  try {
    JSON.parse(eventJson);
  } catch (error) {
    throw new UsageError(
      `The event is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    source: samSource({ ...values, 'parameter-overrides': overrides }),
    logicalId: rest[0],
    eventJson,
  };
}

/** The function a LogicalId (or function name) names; the only one when none is given. */
export function pickFunction(app: SamApp, logicalId: string | undefined): string {
  const names = Object.keys(app.workspace.functions);
  const ids = names.map((n) => `${app.extras[n]?.logicalId ?? n}`);
  if (logicalId === undefined) {
    if (names.length === 1) return names[0] as string;
    throw new UsageError(`The template has ${names.length} functions; name one: ${ids.join(', ')}.`);
  }
  const i = ids.indexOf(logicalId);
  const name = i >= 0 ? names[i] : names.find((n) => n === logicalId);
  if (name === undefined)
    throw new UsageError(`No function ${logicalId} in the template (it has ${ids.join(', ')}).`);
  return name;
}

export async function runSamInvoke(
  options: SamInvokeOptions,
  runtime: RuntimePort,
  lab: LabWorld,
): Promise<CommandOutput> {
  try {
    const { runner, built } = await buildFromSource(options.source, runtime, lab);
    const name = pickFunction(built.app, options.logicalId);
    const { accepted, response } = await runner.invoke({
      functionName: name,
      payloadJson: options.eventJson,
    });
    await runner.runUntilIdle();
    const stderr = built.app.warnings.map((w) => `lambda-lab: warning: ${w.message}`);
    for (const event of lab.world.logs.events(`/aws/lambda/${name}`)) stderr.push(event.message);
    if (!accepted.ok)
      return {
        stdout: [JSON.stringify({ errorType: accepted.error.name, errorMessage: accepted.error.message })],
        stderr,
        exitCode: 1,
      };
    return {
      stdout: response ? [response.payloadJson] : [],
      stderr,
      exitCode: response?.functionError ? 1 : 0,
    };
  } catch (error) {
    const failure = samFailure(error);
    if (failure) return failure;
    throw error;
  }
}

export function runValidate(args: readonly string[]): CommandOutput {
  const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: COMMON });
  const { overrides, rest } = splitOverrides(values, positionals);
  if (rest.length > 0) throw new UsageError('validate takes no positional arguments.');
  const source = samSource({ ...values, 'parameter-overrides': overrides });
  try {
    return { stdout: describeApp(source.read(), source.templatePath), stderr: [], exitCode: 0 };
  } catch (error) {
    const failure = samFailure(error);
    if (failure) return failure;
    throw error;
  }
}

export function parseStartApi(args: readonly string[]): { source: SamSource; port: number; host: string } {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { ...COMMON, port: { type: 'string', short: 'p' }, host: { type: 'string' } },
  });
  const { overrides, rest } = splitOverrides(values, positionals);
  if (rest.length > 0) throw new UsageError('start-api takes no positional arguments.');
  const port = Number(values.port ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  return {
    source: samSource({ ...values, 'parameter-overrides': overrides }),
    port,
    host: values.host ?? '127.0.0.1',
  };
}

/** `lambda-lab start-api` until Ctrl+C: the server's lines go to stderr as they happen. */
async function startApi(args: readonly string[]): Promise<CommandOutput> {
  const options = parseStartApi(args);
  const lab = createSamLab(Date.now(), Date.now() % 2 ** 31);
  const runtime = createNodeRuntime({ awsCall: (json) => lab.awsCall(json) });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  try {
    const sam = await buildFromSource(options.source, runtime, lab);
    for (const w of sam.built.app.warnings) log(`lambda-lab: warning: ${w.message}`);
    const server = await startApiServer(sam, { port: options.port, host: options.host, log });
    log(`Serving ${server.routes.length} route(s) on ${server.url} (Ctrl+C to stop):`);
    for (const route of server.routes) log(`  ${route}`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return { stdout: [], stderr: [], exitCode: 0 };
  } catch (error) {
    const failure = samFailure(error);
    if (failure) return failure;
    throw error;
  } finally {
    await runtime.close();
  }
}

/** The SAM commands as `main` dispatches them: invoke -t, validate, start-api. */
export async function samMain(
  command: 'invoke' | 'validate' | 'start-api',
  args: readonly string[],
): Promise<CommandOutput> {
  if (command === 'validate') return runValidate(args);
  if (command === 'start-api') return startApi(args);
  const options = parseSamInvoke(args);
  const lab = createSamLab(Date.now(), Date.now() % 2 ** 31);
  const runtime = createNodeRuntime({ awsCall: (json) => lab.awsCall(json) });
  try {
    return await runSamInvoke(options, runtime, lab);
  } finally {
    await runtime.close();
  }
}
