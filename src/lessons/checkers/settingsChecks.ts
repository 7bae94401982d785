/** `config` and `policy` checks: they read the function's effective settings and the role's policies. */

import { isObject } from '../../host/scenario/jsonPath';
import type { FunctionSpec } from '../../host/scenario/world';
import type { CheckOf, NumRange } from '../checks';
import type { FunctionConfig } from '../schema';
import type { CheckContext, CheckOutcome } from './types';
import { type AssertionFailure, describeRange, inRange } from './values';

function numCheck(
  label: string,
  key: string,
  value: number | null,
  range: NumRange | undefined,
  out: AssertionFailure[],
) {
  if (range === undefined) return;
  if (value === null || !inRange(value, range))
    out.push({
      code: `${key}:${value ?? 'unset'}`,
      message: `${label} is ${value ?? 'not set'}; it should be ${describeRange(range)}.`,
    });
}

/** Package names in a requirements file, lower-cased, without versions, extras or comments. */
export function requirementNames(text: string): string[] {
  return text
    .split('\n')
    .map((l) => (l.split('#')[0] ?? '').trim())
    .filter((l) => l !== '' && !l.startsWith('-'))
    .map((l) => (l.split(/[<>=!~;[\s]/)[0] ?? '').toLowerCase());
}

/** A function whose files hold a Dockerfile with a FROM line ships as a container image. */
export function packageTypeFromFiles(files: Readonly<Record<string, string>>): 'Image' | undefined {
  const dockerfile = Object.entries(files).find(([path]) => path.split('/').pop() === 'Dockerfile')?.[1];
  return dockerfile !== undefined && /^\s*FROM\s+\S/im.test(dockerfile) ? 'Image' : undefined;
}

function functionFiles(ctx: CheckContext, fn: FunctionSpec): Record<string, string> {
  if (fn.code !== 'workspace') return ctx.buildInput.dirFiles(fn.code.dir);
  const out: Record<string, string> = {};
  for (const f of ctx.mapping)
    if ('function' in f && f.function === fn.name && ctx.workspace.files[f.path] !== undefined)
      out[f.path] = ctx.workspace.files[f.path] as string;
  return out;
}

export function runConfigCheck(ctx: CheckContext, check: CheckOf<'config'>): CheckOutcome {
  const fn = ctx.world.spec.functions.find((f) => f.name === check.function);
  if (!fn)
    return { failures: [{ code: 'no-function', message: `The world has no function ${check.function}.` }] };
  const set: FunctionConfig = ctx.workspace.config[fn.name] ?? {};
  const e = check.expect;
  const out: AssertionFailure[] = [];
  const name = `\`${fn.name}\``;
  numCheck(`The memory of ${name} (MB)`, 'memoryMb', set.memoryMb ?? fn.memoryMb ?? 128, e.memoryMb, out);
  numCheck(`The timeout of ${name} (s)`, 'timeoutS', set.timeoutS ?? fn.timeoutS ?? 3, e.timeoutS, out);
  numCheck(
    `The ephemeral storage of ${name} (MB)`,
    'ephemeralStorageMb',
    set.ephemeralStorageMb ?? fn.ephemeralStorageMb ?? 512,
    e.ephemeralStorageMb,
    out,
  );
  const reserved =
    set.reservedConcurrency === undefined ? (fn.reservedConcurrency ?? null) : set.reservedConcurrency;
  numCheck(`Reserved concurrency of ${name}`, 'reservedConcurrency', reserved, e.reservedConcurrency, out);
  numCheck(
    `Provisioned concurrency of ${name}`,
    'provisionedConcurrency',
    set.provisionedConcurrency ?? fn.provisionedConcurrency ?? 0,
    e.provisionedConcurrency,
    out,
  );
  const env = set.env ?? fn.env ?? {};
  for (const k of e.envPresent ?? [])
    if (!(k in env))
      out.push({
        code: `envMissing:${k}`,
        message: `Add the environment variable \`${k}\` to ${name}'s configuration.`,
      });
  for (const k of e.envAbsent ?? [])
    if (k in env)
      out.push({
        code: `envPresent:${k}`,
        message: `Remove the environment variable \`${k}\` from ${name}'s configuration.`,
      });
  for (const [k, v] of Object.entries(e.envEquals ?? {}))
    if (env[k] !== v)
      out.push({
        code: `envEquals:${k}:${env[k] ?? 'unset'}`,
        message:
          env[k] === undefined
            ? `${name} has no environment variable \`${k}\`: add it in the configuration panel with the value \`${v}\`.`
            : `\`${k}\` is \`${env[k]}\`; set it to \`${v}\`.`,
      });
  const packageType =
    set.packageType ?? packageTypeFromFiles(functionFiles(ctx, fn)) ?? fn.packageType ?? 'Zip';
  if (e.packageType !== undefined && packageType !== e.packageType)
    out.push({
      code: `packageType:${packageType}`,
      message: `${name} is packaged as ${packageType}; this exercise needs ${e.packageType}.`,
    });
  const layers = set.layers ?? fn.layers ?? [];
  for (const l of e.layersInclude ?? [])
    if (!layers.includes(l))
      out.push({
        code: `layerMissing:${l}`,
        message: `Attach the layer \`${l}\` to ${name} in its configuration.`,
      });
  if (e.handler !== undefined && fn.handler !== e.handler)
    out.push({ code: 'handler', message: `The handler of ${name} is ${fn.handler}; expected ${e.handler}.` });
  if (e.packageMb !== undefined || e.requirementsExclude !== undefined) {
    const files = functionFiles(ctx, fn);
    const reqs = fn.requirements !== undefined ? requirementNames(files[fn.requirements] ?? '') : [];
    for (const r of e.requirementsExclude ?? [])
      if (reqs.includes(r.toLowerCase()))
        out.push({
          code: `requirement:${r}`,
          message: ctx.packageSizes.includedInRuntime.includes(r)
            ? `\`${r}\` is already in the Python runtime; listing it in ${fn.requirements} only makes the package bigger.`
            : `\`${r}\` is still listed in ${fn.requirements}; remove it to shrink the package.`,
        });
    if (e.packageMb !== undefined) {
      const codeMb =
        Object.values(files).reduce((n, t) => n + new TextEncoder().encode(t).length, 0) / 1_000_000;
      const depsMb = reqs.reduce((n, r) => n + (ctx.packageSizes.packages[r] ?? 0), 0);
      const mb = Math.round((codeMb + depsMb + (fn.extraPackageMb ?? 0)) * 100) / 100;
      if (!inRange(mb, e.packageMb))
        out.push({
          code: 'packageMb',
          message: `The modeled package is ${mb} MB (code plus ${reqs.join(', ') || 'no requirements'}); it should be ${describeRange(e.packageMb)} MB.`,
        });
    }
  }
  return { failures: out };
}

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];

export function runPolicyCheck(ctx: CheckContext, check: CheckOf<'policy'>): CheckOutcome {
  const role = ctx.world.spec.roles.find((r) => r.name === check.role);
  if (!role) return { failures: [{ code: 'no-role', message: `The world has no role ${check.role}.` }] };
  let doc: unknown = role.inlinePolicy;
  if (role.inlinePolicy === 'workspace') {
    const file = ctx.mapping.find((f) => 'rolePolicy' in f && f.rolePolicy === role.name);
    try {
      doc = JSON.parse((file && ctx.workspace.files[file.path]) ?? 'null');
    } catch (e) {
      return {
        failures: [
          {
            code: 'json',
            message: `The policy is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`,
          },
        ],
      };
    }
  }
  const out: AssertionFailure[] = [];
  const statements = isObject(doc) && Array.isArray(doc.Statement) ? doc.Statement.filter(isObject) : [];
  const allowed = statements.filter((s) => s.Effect === 'Allow');
  const actions = new Set(allowed.flatMap((s) => list(s.Action)));
  const missing = check.actions.filter((a) => !actions.has(a));
  const extra = [...actions].filter((a) => !check.actions.includes(a));
  if (missing.length)
    out.push({
      code: `missing:${missing.join(',')}`,
      message: `The policy does not allow ${missing.map((a) => `\`${a}\``).join(', ')}, which the function needs.`,
    });
  if (extra.length)
    out.push({
      code: `extra:${extra.join(',')}`,
      message: `The policy also allows ${extra.map((a) => `\`${a}\``).join(', ')}; allow only what the code calls.`,
    });
  if (check.resources) {
    const wide = allowed.flatMap((s) => list(s.Resource)).filter((r) => !check.resources?.includes(r));
    if (wide.length)
      out.push({
        code: `resource:${wide.join(',')}`,
        message: `The resource ${wide.map((r) => `\`${r}\``).join(', ')} is broader than needed: scope the statement to ${check.resources.map((r) => `\`${r}\``).join(', ')}.`,
      });
  }
  const attached = role.managedPolicies ?? [];
  for (const m of check.managedPolicies ?? [])
    if (!attached.includes(m))
      out.push({ code: `managedMissing:${m}`, message: `Attach the managed policy ${m} to ${role.name}.` });
  for (const m of attached)
    if (check.managedPolicies && !check.managedPolicies.includes(m))
      out.push({ code: `managedExtra:${m}`, message: `${role.name} should not have ${m} attached.` });
  return { failures: out };
}
