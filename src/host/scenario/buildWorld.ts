/**
 * Builds a lesson world (WorldSpec) inside a lab world, the way a learner would in the console: roles,
 * layers, functions, permissions, tables, queues, topics, buckets, event source mappings, APIs and
 * schedules. Workspace files and settings replace the spec's where an exercise maps them.
 */
import type { LabRunner } from '../labRunner';
import type { LabWorld } from '../labWorld';
import { fnArn, queueArn, roleArn } from './awsNames';
import { buildServices } from './buildServices';
import type { JsonObject } from './jsonPath';
import { SetupError } from './setupError';
import type { FunctionConfig, WorkspaceFile } from './workspace';
import type { FunctionSpec, WorldSpec } from './world';

export interface Workspace {
  /** Workspace path -> text (the learner's files). */
  readonly files: Readonly<Record<string, string>>;
  /** Per-function settings from the config panel. */
  readonly config: Readonly<Record<string, FunctionConfig>>;
}

export interface BuildInput {
  readonly spec: WorldSpec;
  /** Files under a folder (`code: { dir }`), relative to the world's base folder. */
  readonly dirFiles: (dir: string) => Record<string, string>;
  readonly workspace: Workspace;
  readonly mapping: readonly WorkspaceFile[];
}

export interface BuiltWorld {
  readonly lab: LabWorld;
  readonly runner: LabRunner;
  readonly spec: WorldSpec;
  /** The qualifier traffic goes to: an alias when provisioned concurrency or SnapStart needs a version. */
  readonly qualifiers: ReadonlyMap<string, string>;
  readonly apiIds: ReadonlyMap<string, string>;
  readonly stages: ReadonlyMap<string, string>;
  /** Console call (not authorized, as the learner's own console is not). */
  consoleCall(service: string, operation: string, params: JsonObject): JsonObject;
}

const trust = (service: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });

function workspaceFilesFor(input: BuildInput, key: 'function' | 'layer', name: string) {
  const out: Record<string, string> = {};
  for (const f of input.mapping)
    if (key in f && (f as Record<string, unknown>)[key] === name) {
      const text = input.workspace.files[f.path];
      if (text !== undefined) out[f.path] = text;
    }
  return out;
}

export async function buildWorld(lab: LabWorld, runner: LabRunner, input: BuildInput): Promise<BuiltWorld> {
  const { spec, workspace } = input;
  const consoleCall = (service: string, operation: string, params: JsonObject): JsonObject => {
    const answer = JSON.parse(
      // Without a calling function no call waits, so the answer is always text.
      lab.awsCall(JSON.stringify({ v: 1, service, operation, params, caller: null, nowMs: null })) as string,
    ) as { kind: string; result?: JsonObject; error?: { code: string; message: string } };
    if (answer.kind !== 'result' || !answer.result)
      throw new SetupError(
        `${service} ${operation}: ${answer.error?.code ?? answer.kind}: ${answer.error?.message ?? ''}`,
      );
    return answer.result;
  };
  const command = async <T>(what: string, run: Parameters<LabRunner['command']>[0]) => {
    const r = await runner.command(run);
    if (!r.ok) throw new SetupError(`${what}: ${r.error.message}`);
    return r.value as T;
  };

  for (const role of spec.roles) {
    consoleCall('iam', 'CreateRole', {
      RoleName: role.name,
      AssumeRolePolicyDocument: trust(role.trustedService),
    });
    for (const m of role.managedPolicies ?? [])
      consoleCall('iam', 'AttachRolePolicy', {
        RoleName: role.name,
        PolicyArn: `arn:aws:iam::aws:policy/service-role/${m}`,
      });
    let doc: string | undefined;
    if (role.inlinePolicy === 'workspace') {
      const file = input.mapping.find((f) => 'rolePolicy' in f && f.rolePolicy === role.name);
      doc = file ? workspace.files[file.path] : undefined;
      if (doc === undefined) throw new SetupError(`no policy file for role ${role.name}`);
    } else if (role.inlinePolicy) doc = JSON.stringify(role.inlinePolicy);
    if (doc !== undefined)
      consoleCall('iam', 'PutRolePolicy', {
        RoleName: role.name,
        PolicyName: `${role.name}-policy`,
        PolicyDocument: doc,
      });
  }

  const layerArns = new Map<string, string>();
  for (const layer of spec.layers ?? []) {
    const files =
      layer.code === 'workspace'
        ? workspaceFilesFor(input, 'layer', layer.name)
        : input.dirFiles(layer.code.dir);
    const v = await command<{ layerVersionArn: string }>(`layer ${layer.name}`, (w) =>
      w.publishLayerVersion({
        layerName: layer.name,
        files,
        compatibleRuntimes: layer.compatibleRuntimes ?? [],
      }),
    );
    layerArns.set(layer.name, v.layerVersionArn);
  }

  const qualifiers = new Map<string, string>();
  for (const fn of spec.functions) await createFunction(fn);

  async function createFunction(fn: FunctionSpec) {
    const set: FunctionConfig = workspace.config[fn.name] ?? {};
    const files =
      fn.code === 'workspace' ? workspaceFilesFor(input, 'function', fn.name) : input.dirFiles(fn.code.dir);
    const layers = (set.layers ?? fn.layers ?? []).map((l) => layerArns.get(l) ?? l);
    await command(`function ${fn.name}`, (w) =>
      w.createFunction({
        functionName: fn.name,
        role: roleArn(fn.role),
        runtime: fn.runtime,
        handler: fn.handler,
        code: { files },
        memorySize: set.memoryMb ?? fn.memoryMb ?? 128,
        timeout: set.timeoutS ?? fn.timeoutS ?? 3,
        ephemeralStorage: { size: set.ephemeralStorageMb ?? fn.ephemeralStorageMb ?? 512 },
        environment: { variables: set.env ?? fn.env ?? {} },
        layers,
        ...(fn.snapStart ? { snapStart: { applyOn: 'PublishedVersions' } } : {}),
      }),
    );
    const reserved = set.reservedConcurrency === undefined ? fn.reservedConcurrency : set.reservedConcurrency;
    if (reserved !== undefined && reserved !== null)
      await command(`reserved concurrency of ${fn.name}`, (w) => w.putFunctionConcurrency(fn.name, reserved));
    const provisioned = set.provisionedConcurrency ?? fn.provisionedConcurrency ?? 0;
    if (provisioned > 0) {
      // Provisioned concurrency needs a published version; traffic then goes through an alias.
      const v = await command<{ version: string }>(`publish ${fn.name}`, (w) => w.publishVersion(fn.name));
      await command(`alias of ${fn.name}`, (w) => w.createAlias(fn.name, 'live', v.version));
      await command(`provisioned concurrency of ${fn.name}`, (w) =>
        w.putProvisionedConcurrencyConfig(fn.name, 'live', provisioned),
      );
      qualifiers.set(fn.name, 'live');
    } else if (fn.snapStart) {
      // SnapStart applies to published versions only: publish one (it takes its snapshot while the
      // world runs until idle below) and send traffic through an alias to it.
      const v = await command<{ version: string }>(`publish ${fn.name}`, (w) => w.publishVersion(fn.name));
      await command(`alias of ${fn.name}`, (w) => w.createAlias(fn.name, 'live', v.version));
      qualifiers.set(fn.name, 'live');
    }
    if (fn.canary) await createCanary(fn.name, fn.canary);
    if (fn.async) {
      const a = fn.async;
      await command(`async config of ${fn.name}`, (w) =>
        w.putFunctionEventInvokeConfig(fn.name, undefined, {
          ...(a.maximumRetryAttempts !== undefined ? { maximumRetryAttempts: a.maximumRetryAttempts } : {}),
          ...(a.maximumEventAgeS !== undefined ? { maximumEventAgeInSeconds: a.maximumEventAgeS } : {}),
          destinationConfig: {
            ...(a.onFailure ? { onFailure: { destination: queueArn(a.onFailure) } } : {}),
            ...(a.onSuccess ? { onSuccess: { destination: queueArn(a.onSuccess) } } : {}),
          },
        }),
      );
      if (a.deadLetterQueue)
        await command(`DLQ of ${fn.name}`, (w) =>
          w.updateFunctionConfiguration(fn.name, {
            deadLetterConfig: { targetArn: queueArn(a.deadLetterQueue as string) },
          }),
        );
    }
  }

  async function createCanary(name: string, c: NonNullable<FunctionSpec['canary']>) {
    const v1 = await command<{ version: string }>(`publish ${name}`, (w) => w.publishVersion(name));
    await command(`next code of ${name}`, (w) =>
      w.updateFunctionCode(name, { files: input.dirFiles(c.nextCode.dir) }),
    );
    const v2 = await command<{ version: string }>(`publish ${name} again`, (w) => w.publishVersion(name));
    await command(`alias ${c.alias} of ${name}`, (w) =>
      w.createAlias(name, c.alias, v1.version, { additionalVersionWeights: { [v2.version]: c.weight } }),
    );
    qualifiers.set(name, c.alias);
  }

  const qualified = (name: string) => {
    const q = qualifiers.get(name);
    return q ? `${fnArn(name)}:${q}` : fnArn(name);
  };
  (spec.permissions ?? []).forEach((p, i) => {
    consoleCall('lambda', 'AddPermission', {
      FunctionName: p.function,
      StatementId: `lab-${i + 1}`,
      Action: 'lambda:InvokeFunction',
      Principal: p.principal,
      ...(p.sourceArn ? { SourceArn: p.sourceArn } : {}),
    });
  });
  const { apiIds, stages } = buildServices(spec, lab, consoleCall, qualified);
  await runner.runUntilIdle();
  return { lab, runner, spec, qualifiers, apiIds, stages, consoleCall };
}
