/**
 * IAM policy documents: parsing with IAM's MalformedPolicyDocument messages, and evaluation (explicit deny
 * wins, then any allow, else implicit deny). Action matching is case-insensitive, Resource case-sensitive;
 * `*` and `?` are wildcards in both, as in IAM.
 */
import type { Json, JsonObject } from './json';
import { isObject } from './json';
import { serviceError } from './serviceError';

export type Effect = 'Allow' | 'Deny';

export interface Condition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

export interface Statement {
  readonly sid: string | null;
  readonly effect: Effect;
  readonly actions: readonly string[];
  readonly notActions: readonly string[] | null;
  readonly resources: readonly string[];
  readonly notResources: readonly string[] | null;
  /** Service or AWS principals (resource-based and trust policies only). */
  readonly principals: readonly string[] | null;
  readonly conditions: readonly Condition[];
}

export interface PolicyDocument {
  readonly statements: readonly Statement[];
}

function malformed(message: string): never {
  throw serviceError('MalformedPolicyDocument', message, 400);
}

function stringList(v: Json | undefined, field: string): string[] | null {
  if (v === undefined) return null;
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return malformed(`Syntax errors in policy. ${field} must be a string or a list of strings.`);
}

function principalList(v: Json | undefined): string[] | null {
  if (v === undefined) return null;
  if (v === '*') return ['*'];
  if (!isObject(v)) return malformed('Syntax errors in policy. Principal must be "*" or an object.');
  const out: string[] = [];
  for (const kind of ['Service', 'AWS', 'Federated']) {
    const list = stringList(v[kind], `Principal.${kind}`);
    if (list) out.push(...list);
  }
  return out;
}

function conditionList(v: Json | undefined): Condition[] {
  if (v === undefined) return [];
  if (!isObject(v)) return malformed('Syntax errors in policy. Condition must be an object.');
  const out: Condition[] = [];
  for (const [operator, block] of Object.entries(v)) {
    if (!isObject(block))
      return malformed(`Syntax errors in policy. Condition ${operator} must be an object.`);
    for (const [key, values] of Object.entries(block)) {
      out.push({ operator, key, values: stringList(values, `Condition.${operator}.${key}`) ?? [] });
    }
  }
  return out;
}

export type PolicyKind = 'identity' | 'resource' | 'trust';

function parseStatement(s: Json, kind: PolicyKind): Statement {
  if (!isObject(s)) return malformed('Syntax errors in policy.');
  const effect = s.Effect;
  if (effect === undefined) return malformed('Missing required field Effect');
  if (effect !== 'Allow' && effect !== 'Deny') return malformed(`Invalid effect: ${String(effect)}`);
  const actions = stringList(s.Action, 'Action');
  const notActions = stringList(s.NotAction, 'NotAction');
  if (!actions && !notActions) return malformed('Policy statement must contain actions.');
  const resources = stringList(s.Resource, 'Resource');
  const notResources = stringList(s.NotResource, 'NotResource');
  if (kind === 'identity' && !resources && !notResources) {
    return malformed('Policy statement must contain resources.');
  }
  const principals = principalList(s.Principal);
  if (kind === 'identity' && principals) return malformed('Policy document should not specify a principal.');
  if (kind === 'trust' && !principals) return malformed('Missing required field Principal');
  for (const a of [...(actions ?? []), ...(notActions ?? [])]) {
    if (a !== '*' && !/^[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+$/.test(a)) {
      return malformed(`Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.`);
    }
  }
  return {
    sid: typeof s.Sid === 'string' ? s.Sid : null,
    effect,
    actions: actions ?? [],
    notActions,
    resources: resources ?? ['*'],
    notResources,
    principals,
    conditions: conditionList(s.Condition),
  };
}

/** Parse a document given as JSON text or an already parsed object. */
export function parsePolicy(doc: string | JsonObject, kind: PolicyKind): PolicyDocument {
  let root: Json;
  if (typeof doc === 'string') {
    try {
      root = JSON.parse(doc) as Json;
    } catch {
      return malformed('Syntax errors in policy.');
    }
  } else root = doc;
  if (!isObject(root)) return malformed('Syntax errors in policy.');
  const version = root.Version;
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') {
    return malformed('The policy failed legacy parsing');
  }
  const st = root.Statement;
  if (st === undefined) return malformed('Syntax errors in policy.');
  const list = Array.isArray(st) ? st : [st];
  if (list.length === 0) return malformed('Syntax errors in policy.');
  return { statements: list.map((s) => parseStatement(s, kind)) };
}

const patternCache = new Map<string, RegExp>();

/** IAM wildcard match: `*` any run of characters, `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = patternCache.get(cacheKey);
  if (!re) {
    const body = pattern
      .split('')
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    patternCache.set(cacheKey, re);
  }
  return re.test(value);
}

export interface RequestContext {
  readonly action: string;
  readonly resource: string;
  /** Principal for resource-based/trust evaluation (a service name or an ARN). */
  readonly principal?: string;
  /** Condition keys such as aws:SourceArn, aws:SourceAccount. */
  readonly keys?: Readonly<Record<string, string>>;
}

function conditionHolds(c: Condition, keys: Readonly<Record<string, string>>): boolean {
  const actual =
    keys[c.key] ?? keys[Object.keys(keys).find((k) => k.toLowerCase() === c.key.toLowerCase()) ?? ''];
  if (actual === undefined) return c.operator.endsWith('IfExists');
  const op = c.operator.replace(/IfExists$/, '');
  switch (op) {
    case 'StringEquals':
    case 'ArnEquals':
      return c.values.includes(actual);
    case 'StringNotEquals':
    case 'ArnNotEquals':
      return !c.values.includes(actual);
    case 'StringLike':
    case 'ArnLike':
      return c.values.some((v) => wildcardMatch(v, actual, false));
    case 'StringNotLike':
    case 'ArnNotLike':
      return !c.values.some((v) => wildcardMatch(v, actual, false));
    default:
      // Operators the lab does not model never match, so they cannot widen access.
      return false;
  }
}

export function statementMatches(s: Statement, r: RequestContext): boolean {
  const actionHit = s.notActions
    ? !s.notActions.some((a) => wildcardMatch(a, r.action, true))
    : s.actions.some((a) => wildcardMatch(a, r.action, true));
  if (!actionHit) return false;
  const resourceHit = s.notResources
    ? !s.notResources.some((p) => wildcardMatch(p, r.resource, false))
    : s.resources.some((p) => wildcardMatch(p, r.resource, false));
  if (!resourceHit) return false;
  if (s.principals && !s.principals.some((p) => p === '*' || p === r.principal)) return false;
  return s.conditions.every((c) => conditionHolds(c, r.keys ?? {}));
}

export type Decision = 'allow' | 'explicitDeny' | 'implicitDeny';

export function evaluate(policies: readonly PolicyDocument[], r: RequestContext): Decision {
  let allowed = false;
  for (const p of policies) {
    for (const s of p.statements) {
      if (!statementMatches(s, r)) continue;
      if (s.effect === 'Deny') return 'explicitDeny';
      allowed = true;
    }
  }
  return allowed ? 'allow' : 'implicitDeny';
}
