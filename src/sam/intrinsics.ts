/**
 * CloudFormation's intrinsic functions over template data: Ref, Fn::GetAtt, Fn::Sub (both forms),
 * Fn::Join, Fn::Select, Fn::Split, Fn::If with Conditions, Fn::Equals/Not/And/Or, Fn::FindInMap,
 * Fn::Base64, the pseudo parameters, and AWS::NoValue (the key or item disappears).
 */
import { isObject, type TemplateFile, type TObject, type TValue } from './templateFile';

export const NO_VALUE = Symbol('AWS::NoValue');
type Resolved = TValue | typeof NO_VALUE;

export interface IntrinsicScope {
  readonly file: TemplateFile;
  /** Parameters (after defaults and overrides) and pseudo parameters by name. */
  readonly params: Readonly<Record<string, TValue>>;
  readonly conditions: Readonly<Record<string, TValue>>;
  readonly mappings: TObject;
  /** A resource's Ref value (its physical name or ARN), undefined for an unknown logical id. */
  ref(logicalId: string): string | undefined;
  /** A resource attribute (`Arn`, `StreamArn`, `QueueName`, ...), undefined when the lab has none. */
  getAtt(logicalId: string, attribute: string): string | undefined;
}

const INTRINSICS = new Set([
  'Ref',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::If',
  'Fn::Equals',
  'Fn::Not',
  'Fn::And',
  'Fn::Or',
  'Fn::FindInMap',
  'Fn::Base64',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::Cidr',
  'Condition',
]);

export function createResolver(scope: IntrinsicScope) {
  const evaluated = new Map<string, boolean>();
  const { file } = scope;

  const text = (v: Resolved, at: unknown, what: string): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw file.error(at, `${what} must give text, not ${JSON.stringify(v === NO_VALUE ? null : v)}`);
  };

  const refOf = (name: string, at: unknown): TValue => {
    if (name in scope.params) return scope.params[name] as TValue;
    const r = scope.ref(name);
    if (r === undefined) throw file.error(at, `!Ref ${name}: no parameter or resource has that name`);
    return r;
  };

  const getAtt = (id: string, attr: string, at: unknown): string => {
    const v = scope.getAtt(id, attr);
    if (v === undefined) throw file.error(at, `!GetAtt ${id}.${attr}: the lab does not know this attribute`);
    return v;
  };

  const sub = (template: string, vars: TObject, at: unknown): string =>
    template.replace(/\$\{([^}]*)\}/g, (_m, body: string) => {
      if (body.startsWith('!')) return `\${${body.slice(1)}}`;
      const name = body.trim();
      if (name in vars) return text(resolve(vars[name] as TValue), at, `\${${name}}`);
      const dot = name.indexOf('.');
      if (dot > 0 && !(name in scope.params) && scope.ref(name.slice(0, dot)) !== undefined)
        return getAtt(name.slice(0, dot), name.slice(dot + 1), at);
      return text(refOf(name, at), at, `\${${name}}`);
    });

  const condition = (name: string, at: unknown): boolean => {
    const known = evaluated.get(name);
    if (known !== undefined) return known;
    const body = scope.conditions[name];
    if (body === undefined) throw file.error(at, `condition ${name} is not defined under Conditions`);
    evaluated.set(name, false);
    const v = resolve(body);
    if (typeof v !== 'boolean') throw file.error(body, `condition ${name} must be true or false`);
    evaluated.set(name, v);
    return v;
  };

  const list = (v: TValue, at: unknown, fn: string, size?: number): TValue[] => {
    if (!Array.isArray(v) || (size !== undefined && v.length !== size))
      throw file.error(at, `${fn} takes a list${size ? ` of ${size}` : ''}`);
    return v;
  };

  function call(fn: string, arg: TValue, at: TObject): Resolved {
    switch (fn) {
      case 'Ref':
        if (arg === 'AWS::NoValue') return NO_VALUE;
        return refOf(text(arg, at, 'Ref'), at);
      case 'Fn::GetAtt': {
        const [id, attr] = typeof arg === 'string' ? arg.split(/\.(.*)/) : list(arg, at, fn, 2);
        return getAtt(text(resolve(id ?? ''), at, fn), text(resolve(attr ?? ''), at, fn), at);
      }
      case 'Fn::Sub': {
        if (typeof arg === 'string') return sub(arg, {}, at);
        const [template, vars] = list(arg, at, fn, 2);
        if (typeof template !== 'string' || !isObject(vars))
          throw file.error(at, 'Fn::Sub takes a string, or [string, {variables}]');
        return sub(template, vars, at);
      }
      case 'Fn::Join': {
        const [sep, items] = list(arg, at, fn, 2);
        const parts = list(resolveValue(items ?? null), at, fn);
        return parts.map((p) => text(p, at, fn)).join(text(sep ?? '', at, fn));
      }
      case 'Fn::Select': {
        const [index, items] = list(arg, at, fn, 2);
        const parts = list(resolveValue(items ?? null), at, fn);
        const i = Number(resolveValue(index ?? null));
        if (!Number.isInteger(i) || i < 0 || i >= parts.length)
          throw file.error(at, `Fn::Select: index ${String(index)} is outside the list`);
        return parts[i] as TValue;
      }
      case 'Fn::Split': {
        const [sep, source] = list(arg, at, fn, 2);
        return text(resolve(source ?? ''), at, fn).split(text(sep ?? '', at, fn));
      }
      case 'Fn::If': {
        const [name, yes, no] = list(arg, at, fn, 3);
        return resolve(condition(text(name ?? '', at, fn), at) ? (yes ?? null) : (no ?? null));
      }
      case 'Condition':
        return condition(text(arg, at, fn), at);
      case 'Fn::Equals': {
        const [a, b] = list(arg, at, fn, 2);
        return JSON.stringify(resolve(a ?? null)) === JSON.stringify(resolve(b ?? null));
      }
      case 'Fn::Not':
        return !list(arg, at, fn, 1).map((c) => resolve(c))[0];
      case 'Fn::And':
        return list(arg, at, fn).every((c) => resolve(c) === true);
      case 'Fn::Or':
        return list(arg, at, fn).some((c) => resolve(c) === true);
      case 'Fn::FindInMap': {
        const [m, k1, k2] = list(arg, at, fn, 3).map((x) => text(resolve(x), at, fn));
        const v = (scope.mappings[m ?? ''] as TObject | undefined)?.[k1 ?? ''];
        const found = isObject(v) ? v[k2 ?? ''] : undefined;
        if (found === undefined) throw file.error(at, `Fn::FindInMap: ${m}.${k1}.${k2} is not in Mappings`);
        return found;
      }
      case 'Fn::Base64':
        return btoa(text(resolve(arg), at, fn));
      default:
        throw file.error(at, `${fn} is not supported by the lab`);
    }
  }

  function resolve(value: TValue): Resolved {
    if (Array.isArray(value)) {
      const out: TValue[] = [];
      for (const item of value) {
        const r = resolve(item);
        if (r !== NO_VALUE) out.push(r);
      }
      return out;
    }
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && INTRINSICS.has(keys[0] as string))
      return call(keys[0] as string, value[keys[0] as string] as TValue, value);
    const out: TObject = {};
    for (const key of keys) {
      const r = resolve(value[key] as TValue);
      if (r !== NO_VALUE) out[key] = r;
    }
    return out;
  }

  /** Resolves everything inside `value`; AWS::NoValue at the top becomes null. */
  function resolveValue(value: TValue): TValue {
    const r = resolve(value);
    return r === NO_VALUE ? null : r;
  }

  return { resolve: resolveValue, condition: (name: string, at: unknown) => condition(name, at) };
}
export type Resolver = ReturnType<typeof createResolver>;
