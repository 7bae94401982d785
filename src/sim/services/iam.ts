/**
 * IAM: roles with trust policies, inline and managed policies, the identity check behind every shimmed call,
 * and Lambda's resource-based function policies (AddPermission) that S3, SNS, EventBridge and API Gateway need.
 */
import { evaluate, type PolicyDocument, parsePolicy } from './iamPolicy';
import type { JsonObject } from './json';
import { MANAGED_POLICIES } from './managedPolicies';
import { serviceError } from './serviceError';

export interface Role {
  readonly name: string;
  readonly arn: string;
  readonly roleId: string;
  readonly createdAt: number;
  trustJson: string;
  trust: PolicyDocument;
  readonly inline: Map<string, { readonly json: string; readonly doc: PolicyDocument }>;
  readonly attached: Set<string>;
}

export interface PermissionStatement {
  readonly sid: string;
  readonly action: string;
  readonly principal: string;
  readonly sourceArn: string | null;
  readonly sourceAccount: string | null;
  readonly resource: string;
}

export interface AccessDeniedStyle {
  readonly code: string;
  readonly httpStatus: number;
  /** S3 quotes the resource ARN in its message. */
  readonly quoteResource: boolean;
}

export interface Iam {
  readonly roles: ReadonlyMap<string, Role>;
  createRole(name: string, trustDocument: string, nowMs: number, roleId: string): Role;
  getRole(name: string): Role;
  updateAssumeRolePolicy(name: string, trustDocument: string): void;
  putRolePolicy(roleName: string, policyName: string, document: string): void;
  deleteRolePolicy(roleName: string, policyName: string): void;
  attachRolePolicy(roleName: string, policyArn: string): void;
  detachRolePolicy(roleName: string, policyArn: string): void;
  /** True when the role exists and its trust policy lets lambda.amazonaws.com call sts:AssumeRole. */
  lambdaCanAssume(roleArn: string): boolean;
  /** Throws the service's AccessDenied error unless the execution role allows the action. */
  authorize(
    roleArn: string,
    sessionName: string,
    action: string,
    resource: string,
    style: AccessDeniedStyle,
  ): void;
  isAllowed(roleArn: string, action: string, resource: string): boolean;
  addPermission(
    functionName: string,
    functionArn: string,
    s: Omit<PermissionStatement, 'resource'>,
  ): PermissionStatement;
  removePermission(functionName: string, sid: string): void;
  functionPolicy(functionName: string): readonly PermissionStatement[];
  /** Does the function's resource-based policy let `principal` invoke it from `sourceArn`? */
  allowsInvoke(functionName: string, principal: string, sourceArn: string, sourceAccount: string): boolean;
}

export function roleNameOf(roleArn: string): string {
  const i = roleArn.lastIndexOf('/');
  return i < 0 ? roleArn : roleArn.slice(i + 1);
}

export function assumedRoleArn(accountId: string, roleArn: string, sessionName: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/${roleNameOf(roleArn)}/${sessionName}`;
}

export function createIam(accountId: string): Iam {
  const roles = new Map<string, Role>();
  const fnPolicies = new Map<string, PermissionStatement[]>();

  const getRole = (name: string): Role => {
    const r = roles.get(name);
    if (!r) throw serviceError('NoSuchEntity', `The role with name ${name} cannot be found.`, 404);
    return r;
  };
  const roleByArn = (arn: string): Role | undefined => {
    const r = roles.get(roleNameOf(arn));
    return r && r.arn === arn ? r : undefined;
  };
  const policiesOf = (role: Role): PolicyDocument[] => {
    const out = [...role.inline.values()].map((p) => p.doc);
    for (const arn of role.attached) {
      const m = MANAGED_POLICIES.get(arn);
      if (m) out.push(m);
    }
    return out;
  };

  return {
    roles,
    createRole(name, trustDocument, nowMs, roleId) {
      if (!/^[\w+=,.@-]{1,64}$/.test(name)) {
        throw serviceError(
          'ValidationError',
          `1 validation error detected: Value '${name}' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
        );
      }
      const trust = parsePolicy(trustDocument, 'trust');
      if (roles.has(name))
        throw serviceError('EntityAlreadyExists', `Role with name ${name} already exists.`, 409);
      const role: Role = {
        name,
        arn: `arn:aws:iam::${accountId}:role/${name}`,
        roleId,
        createdAt: nowMs,
        trustJson: trustDocument,
        trust,
        inline: new Map(),
        attached: new Set(),
      };
      roles.set(name, role);
      return role;
    },
    getRole,
    updateAssumeRolePolicy(name, trustDocument) {
      const role = getRole(name);
      const trust = parsePolicy(trustDocument, 'trust');
      role.trust = trust;
      role.trustJson = trustDocument;
    },
    putRolePolicy(roleName, policyName, document) {
      const role = getRole(roleName);
      const doc = parsePolicy(document, 'identity');
      role.inline.set(policyName, { json: document, doc });
    },
    deleteRolePolicy(roleName, policyName) {
      const role = getRole(roleName);
      if (!role.inline.delete(policyName)) {
        throw serviceError('NoSuchEntity', `The role policy with name ${policyName} cannot be found.`, 404);
      }
    },
    attachRolePolicy(roleName, policyArn) {
      const role = getRole(roleName);
      if (!MANAGED_POLICIES.has(policyArn)) {
        throw serviceError('NoSuchEntity', `Policy ${policyArn} does not exist or is not attachable.`, 404);
      }
      role.attached.add(policyArn);
    },
    detachRolePolicy(roleName, policyArn) {
      const role = getRole(roleName);
      if (!role.attached.delete(policyArn)) {
        throw serviceError('NoSuchEntity', `Policy ${policyArn} was not found.`, 404);
      }
    },
    lambdaCanAssume(roleArn) {
      const role = roleByArn(roleArn);
      if (!role) return false;
      return (
        evaluate([role.trust], {
          action: 'sts:AssumeRole',
          resource: role.arn,
          principal: 'lambda.amazonaws.com',
        }) === 'allow'
      );
    },
    isAllowed(roleArn, action, resource) {
      const role = roleByArn(roleArn);
      return role !== undefined && evaluate(policiesOf(role), { action, resource }) === 'allow';
    },
    authorize(roleArn, sessionName, action, resource, style) {
      const role = roleByArn(roleArn);
      const decision = role ? evaluate(policiesOf(role), { action, resource }) : 'implicitDeny';
      if (decision === 'allow') return;
      const who = assumedRoleArn(accountId, roleArn, sessionName);
      const on = style.quoteResource ? `"${resource}"` : resource;
      const why =
        decision === 'explicitDeny'
          ? 'with an explicit deny in an identity-based policy'
          : `because no identity-based policy allows the ${action} action`;
      throw serviceError(
        style.code,
        `User: ${who} is not authorized to perform: ${action} on resource: ${on} ${why}`,
        style.httpStatus,
      );
    },
    addPermission(functionName, functionArn, s) {
      const list = fnPolicies.get(functionName) ?? [];
      if (list.some((x) => x.sid === s.sid)) {
        throw serviceError(
          'ResourceConflictException',
          `The statement id (${s.sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`,
          409,
        );
      }
      const statement: PermissionStatement = { ...s, resource: functionArn };
      fnPolicies.set(functionName, [...list, statement]);
      return statement;
    },
    removePermission(functionName, sid) {
      const list = fnPolicies.get(functionName) ?? [];
      if (!list.some((x) => x.sid === sid)) {
        throw serviceError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
      }
      fnPolicies.set(
        functionName,
        list.filter((x) => x.sid !== sid),
      );
    },
    functionPolicy: (functionName) => fnPolicies.get(functionName) ?? [],
    allowsInvoke(functionName, principal, sourceArn, sourceAccount) {
      return (fnPolicies.get(functionName) ?? []).some(
        (s) =>
          (s.action === 'lambda:InvokeFunction' || s.action === 'lambda:*') &&
          (s.principal === principal || s.principal === '*') &&
          (s.sourceArn === null || s.sourceArn === sourceArn || wildcardArn(s.sourceArn, sourceArn)) &&
          (s.sourceAccount === null || s.sourceAccount === sourceAccount),
      );
    },
  };
}

function wildcardArn(pattern: string, arn: string): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) return false;
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`).test(arn);
}

/** The JSON the Lambda API returns for one statement of a function policy. */
export function statementJson(s: PermissionStatement): JsonObject {
  const condition: JsonObject = {};
  if (s.sourceArn) condition.ArnLike = { 'AWS:SourceArn': s.sourceArn };
  if (s.sourceAccount) condition.StringEquals = { 'AWS:SourceAccount': s.sourceAccount };
  const out: JsonObject = {
    Sid: s.sid,
    Effect: 'Allow',
    Principal: s.principal.endsWith('.amazonaws.com') ? { Service: s.principal } : { AWS: s.principal },
    Action: s.action,
    Resource: s.resource,
  };
  if (Object.keys(condition).length > 0) out.Condition = condition;
  return out;
}
