/**
 * A SAM template (and the files beside it) -> a SamApp: Parameters with defaults and overrides, pseudo
 * parameters, Conditions, Globals, then every resource the lab simulates. What it does not simulate is
 * named in one warning per resource type; a template it cannot read is a TemplateError (file, line).
 */
import { type LayerDraft, WORKSPACE_VERSION } from '../store/workspaceDoc';
import { createResolver, type IntrinsicScope } from './intrinsics';
import { type FunctionOut, type RoleInfo, readFunction } from './readFunction';
import { readResource } from './readResources';
import {
  ACCOUNT,
  arnOf,
  REGION,
  type SamApi,
  type SamApp,
  type SamResource,
  type SamWarning,
} from './samApp';
import { isObject, readTemplateText, type TemplateFile, type TObject, type TValue } from './templateFile';
import { attValue, filesUnder, globalsFor, physicalName, type ReadInput, refValue } from './templateNames';
import { readWebSocketApis, WS_TYPES } from './webSocketApis';

function parameters(t: TemplateFile, overrides: Readonly<Record<string, string>>): Record<string, TValue> {
  const declared = isObject(t.root.Parameters) ? t.root.Parameters : {};
  for (const key of Object.keys(overrides))
    if (!(key in declared))
      throw t.error(
        t.root.Parameters ?? 1,
        `--parameter-overrides names ${key}, which the template does not declare`,
      );
  const out: Record<string, TValue> = {};
  for (const [name, spec] of Object.entries(declared)) {
    if (!isObject(spec)) throw t.error(declared, `parameter ${name} must be a map`);
    const raw = overrides[name] ?? spec.Default;
    if (raw === undefined || raw === null)
      throw t.error(spec, `parameter ${name} has no Default; give it with --parameter-overrides ${name}=...`);
    const value = String(raw);
    const allowed = Array.isArray(spec.AllowedValues) ? spec.AllowedValues.map(String) : null;
    if (allowed && !allowed.includes(value))
      throw t.error(spec, `parameter ${name} is "${value}", not one of ${allowed.join(', ')}`);
    const type = String(spec.Type ?? 'String');
    if (type === 'Number' && Number.isNaN(Number(value)))
      throw t.error(spec, `parameter ${name} must be a number`);
    out[name] =
      type === 'CommaDelimitedList' || type.startsWith('List<')
        ? value.split(',').map((s) => s.trim())
        : value;
  }
  return out;
}

/** One warning per subject and message, naming every resource it concerns (a Globals setting warns once). */
function grouped(warnings: readonly SamWarning[]): SamWarning[] {
  const out = new Map<string, SamWarning[]>();
  for (const w of warnings) {
    const key = `${w.subject}\n${w.message}`;
    out.set(key, [...(out.get(key) ?? []), w]);
  }
  return [...out.values()].map((same) => {
    const first = same[0] as SamWarning;
    if (same.length === 1) return first;
    const logicalIds = same.flatMap((w) => w.logicalIds);
    return { ...first, logicalIds, message: `${first.message} (${logicalIds.join(', ')})` };
  });
}

/** The LambdaLab part of a Metadata section (what the lab wrote when it exported the app). */
const lab = (metadata: TValue | undefined): Record<string, unknown> =>
  isObject(metadata) && isObject(metadata.LambdaLab) ? metadata.LambdaLab : {};

export function readSamTemplate(input: ReadInput): SamApp {
  const t = readTemplateText(input.templatePath, input.text);
  const root = t.root;
  const warnings: SamWarning[] = [];
  const transform = root.Transform;
  const transforms = Array.isArray(transform) ? transform : [transform];
  if (!transforms.includes('AWS::Serverless-2016-10-31'))
    warnings.push({
      subject: 'Transform',
      logicalIds: [],
      message:
        'The template has no "Transform: AWS::Serverless-2016-10-31"; sam deploy needs it for Serverless resources.',
    });
  const resources = isObject(root.Resources) ? root.Resources : null;
  if (!resources || Object.keys(resources).length === 0) throw t.error(1, 'the template has no Resources');
  const stackName = input.stackName ?? 'sam-app';
  const params = {
    ...parameters(t, input.parameterOverrides ?? {}),
    'AWS::Region': REGION,
    'AWS::AccountId': ACCOUNT,
    'AWS::StackName': stackName,
    'AWS::StackId': `arn:aws:cloudformation:${REGION}:${ACCOUNT}:stack/${stackName}/00000000-0000-0000-0000-000000000000`,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
    'AWS::NotificationARNs': [],
  };
  const typeOf = (id: string) => {
    const r = resources[id];
    return isObject(r) ? String(r.Type ?? '') : '';
  };
  for (const [id, r] of Object.entries(resources))
    if (!isObject(r) || typeof r.Type !== 'string')
      throw t.error(isObject(r) ? r : resources, `resource ${id} has no Type`);
  const names = new Map<string, string>();
  const scope: IntrinsicScope = {
    file: t,
    params,
    conditions: isObject(root.Conditions) ? root.Conditions : {},
    mappings: isObject(root.Mappings) ? root.Mappings : {},
    ref: (id) => (id in resources ? refValue(typeOf(id), id, nameOf(id), input.ids) : undefined),
    getAtt: (id, attr) =>
      id in resources ? attValue(typeOf(id), id, attr, nameOf(id), input.ids) : undefined,
  };
  const resolver = createResolver(scope);
  const resolving = new Set<string>();
  function nameOf(id: string): string {
    const known = names.get(id);
    if (known !== undefined) return known;
    if (resolving.has(id)) throw t.error(resources?.[id], `resource ${id} names itself in a loop`);
    resolving.add(id);
    const r = resources?.[id] as TObject;
    const props = isObject(r.Properties) ? r.Properties : {};
    const name = physicalName(typeOf(id), id, stackName, (key) => resolver.resolve(props[key] ?? null));
    names.set(id, name);
    return name;
  }
  const included = Object.keys(resources).filter((id) => {
    const r = resources[id] as TObject;
    return typeof r.Condition !== 'string' || resolver.condition(r.Condition, r);
  });
  const props = (id: string): TObject => {
    const r = resources[id] as TObject;
    const merged = globalsFor(root, typeOf(id), isObject(r.Properties) ? r.Properties : {});
    const v = resolver.resolve(merged);
    return isObject(v) ? v : {};
  };

  const out: SamResource[] = [];
  const unsupported = new Map<string, string[]>();
  const layers: Record<string, LayerDraft> = {};
  const layerByArn = new Map<string, string>();
  const roles = new Map<string, RoleInfo>();
  const apis = new Map<string, { type: 'REST' | 'HTTP'; name: string; stage: string }>();
  const apiIds = new Map<string, string>();
  const wsIds: string[] = [];
  for (const id of included) {
    const type = typeOf(id);
    if (type === 'AWS::Serverless::LayerVersion' || type === 'AWS::Lambda::LayerVersion') {
      const p = props(id);
      const uri = p.ContentUri ?? (isObject(p.Content) ? null : null);
      if (typeof uri !== 'string')
        throw t.error(resources[id], `layer ${id} needs ContentUri (a folder beside the template)`);
      const name = nameOf(id);
      layers[name] = {
        files: filesUnder(input.files, uri),
        compatibleRuntimes: Array.isArray(p.CompatibleRuntimes) ? p.CompatibleRuntimes.map(String) : [],
      };
      layerByArn.set(arnOf.layer(name), name);
    } else if (type === 'AWS::IAM::Role') {
      const p = props(id);
      const managed = (Array.isArray(p.ManagedPolicyArns) ? p.ManagedPolicyArns : []).map((a) =>
        String(a).slice(String(a).lastIndexOf('/') + 1),
      );
      const statements = (Array.isArray(p.Policies) ? p.Policies : []).flatMap((pol) => {
        const doc = isObject(pol) && isObject(pol.PolicyDocument) ? pol.PolicyDocument.Statement : null;
        return (Array.isArray(doc) ? doc : doc ? [doc] : []).filter(isObject);
      });
      roles.set(arnOf.role(nameOf(id)), { name: nameOf(id), managed, statements: statements as never });
    } else if (type === 'AWS::Serverless::Api' || type === 'AWS::Serverless::HttpApi') {
      const p = props(id);
      const rest = type === 'AWS::Serverless::Api';
      apis.set(id, {
        type: rest ? 'REST' : 'HTTP',
        name: nameOf(id),
        stage: String(p.StageName ?? (rest ? 'Prod' : '$default')),
      });
      apiIds.set(refValue(type, id, nameOf(id), input.ids), id);
    } else if ((WS_TYPES as readonly string[]).includes(type)) {
      wsIds.push(id);
    } else if (type !== 'AWS::Serverless::Function') {
      const r = readResource(type, id, nameOf(id), () => props(id));
      if (r === null) unsupported.set(type, [...(unsupported.get(type) ?? []), id]);
      else out.push(...r);
    }
  }

  const ws = readWebSocketApis({
    ids: wsIds,
    typeOf,
    props,
    nameOf,
    refOf: (id) => refValue(typeOf(id), id, nameOf(id), input.ids),
  });
  out.push(...ws.apis);
  warnings.push(...ws.warnings);

  const functions: Record<string, FunctionOut['draft']> = {};
  const extras: SamApp['extras'] = {};
  const routes = new Map<string, SamApi['routes'][number][]>();
  for (const id of included.filter((x) => typeOf(x) === 'AWS::Serverless::Function')) {
    const p = props(id);
    const runtime = String(p.Runtime ?? '');
    if (p.PackageType === 'Image' || !runtime.startsWith('python')) {
      const kind = `Function with ${p.PackageType === 'Image' ? 'PackageType Image' : `Runtime ${runtime || '(none)'}`}`;
      unsupported.set(kind, [...(unsupported.get(kind) ?? []), id]);
      continue;
    }
    const name = nameOf(id);
    const files =
      typeof p.InlineCode === 'string'
        ? {
            [`${String(p.Handler ?? 'index.handler')
              .split('.')
              .slice(0, -1)
              .join('/')}.py`]: p.InlineCode,
          }
        : filesUnder(input.files, typeof p.CodeUri === 'string' ? p.CodeUri : '.');
    if (Object.keys(files).length === 0)
      throw t.error(resources[id], `function ${id}: no files under CodeUri ${String(p.CodeUri ?? '.')}`);
    const fn = readFunction({
      logicalId: id,
      name,
      props: p,
      files,
      events: input.events?.(name, id) ?? {},
      layerName: (arn) => layerByArn.get(arn),
      role: (arn) => roles.get(arn),
      ui: lab((resources[id] as TObject).Metadata),
      apiLogicalId: (ref) => apiIds.get(ref),
      api: (api, type) => apis.get(api) ?? { name: api, stage: type === 'REST' ? 'Prod' : '$default' },
    });
    functions[name] = fn.draft;
    (extras as Record<string, unknown>)[name] = fn.extras;
    warnings.push(...fn.warnings);
    for (const r of fn.routes) {
      if (!apis.has(r.api))
        apis.set(r.api, { type: r.type, name: r.api, stage: r.type === 'REST' ? 'Prod' : '$default' });
      routes.set(r.api, [
        ...(routes.get(r.api) ?? []),
        { method: r.method, path: r.path, functionName: name },
      ]);
    }
  }
  for (const [type, ids] of unsupported)
    warnings.push({
      subject: type,
      logicalIds: ids,
      message: `${type} is not simulated by the lab (${ids.join(', ')}); the rest of the template runs without it.`,
    });
  const names0 = Object.keys(functions);
  if (names0.length === 0)
    throw t.error(resources, 'the template has no Python AWS::Serverless::Function the lab can run');
  return {
    stackName,
    workspace: {
      version: WORKSPACE_VERSION,
      functions,
      activeFunction: names0.find((n) => n === lab(root.Metadata).activeFunction) ?? (names0[0] as string),
      layers,
    },
    resources: out,
    apis: [...apis].map(([logicalId, a]) => ({ logicalId, ...a, routes: routes.get(logicalId) ?? [] })),
    extras,
    warnings: grouped(warnings),
  };
}
