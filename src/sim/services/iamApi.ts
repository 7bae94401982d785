/** The IAM and STS APIs over the IAM model (for the console, the CLI and the occasional handler). */
import type { Hub } from './hub';
import { assumedRoleArn, type Role } from './iam';
import type { Json } from './json';
import { type JsonObject, str, timestamp } from './json';
import type { Operation, ServiceModule } from './operation';

function roleJson(r: Role): JsonObject {
  return {
    Path: '/',
    RoleName: r.name,
    RoleId: r.roleId,
    Arn: r.arn,
    CreateDate: timestamp(r.createdAt),
    AssumeRolePolicyDocument: JSON.parse(r.trustJson) as Json,
  };
}

function policyDocument(p: JsonObject, name: string): string {
  const v = p[name];
  // boto3 takes the document as a string; a dict is a common mistake, so accept it and keep the JSON.
  return typeof v === 'string' ? v : JSON.stringify(v ?? null);
}

export function iamModule(hub: Hub): ServiceModule {
  const iam = hub.iam;
  const roleArn = (p: JsonObject): string => `arn:aws:iam::${hub.accountId}:role/${str(p, 'RoleName')}`;
  const op = (action: string, run: Operation['run']): Operation => ({
    action: `iam:${action}`,
    resource: roleArn,
    run,
  });
  return {
    name: 'iam',
    denied: { code: 'AccessDenied', httpStatus: 403, quoteResource: false },
    operations: {
      CreateRole: op('CreateRole', (p, c) => {
        const id = `AROA${hub.ctx.rng.hex(17).toUpperCase()}`;
        const role = iam.createRole(
          str(p, 'RoleName'),
          policyDocument(p, 'AssumeRolePolicyDocument'),
          c.nowMs,
          id,
        );
        hub.emit('iam.role.created', { roleName: role.name, roleArn: role.arn });
        return { Role: roleJson(role) };
      }),
      GetRole: op('GetRole', (p) => ({ Role: roleJson(iam.getRole(str(p, 'RoleName'))) })),
      UpdateAssumeRolePolicy: op('UpdateAssumeRolePolicy', (p) => {
        iam.updateAssumeRolePolicy(str(p, 'RoleName'), policyDocument(p, 'PolicyDocument'));
        return {};
      }),
      PutRolePolicy: op('PutRolePolicy', (p) => {
        const roleName = str(p, 'RoleName');
        const policy = str(p, 'PolicyName');
        iam.putRolePolicy(roleName, policy, policyDocument(p, 'PolicyDocument'));
        hub.emit('iam.policy.changed', { roleName, policy, action: 'put' });
        return {};
      }),
      GetRolePolicy: op('GetRolePolicy', (p) => {
        const role = iam.getRole(str(p, 'RoleName'));
        const name = str(p, 'PolicyName');
        const inline = role.inline.get(name);
        if (!inline) iam.deleteRolePolicy(role.name, name);
        return {
          RoleName: role.name,
          PolicyName: name,
          PolicyDocument: JSON.parse(inline?.json ?? 'null') as Json,
        };
      }),
      DeleteRolePolicy: op('DeleteRolePolicy', (p) => {
        const roleName = str(p, 'RoleName');
        const policy = str(p, 'PolicyName');
        iam.deleteRolePolicy(roleName, policy);
        hub.emit('iam.policy.changed', { roleName, policy, action: 'deleted' });
        return {};
      }),
      AttachRolePolicy: op('AttachRolePolicy', (p) => {
        const roleName = str(p, 'RoleName');
        const policy = str(p, 'PolicyArn');
        iam.attachRolePolicy(roleName, policy);
        hub.emit('iam.policy.changed', { roleName, policy, action: 'attached' });
        return {};
      }),
      DetachRolePolicy: op('DetachRolePolicy', (p) => {
        const roleName = str(p, 'RoleName');
        const policy = str(p, 'PolicyArn');
        iam.detachRolePolicy(roleName, policy);
        hub.emit('iam.policy.changed', { roleName, policy, action: 'detached' });
        return {};
      }),
      ListAttachedRolePolicies: op('ListAttachedRolePolicies', (p) => ({
        AttachedPolicies: [...iam.getRole(str(p, 'RoleName')).attached].map((arn) => ({
          PolicyName: arn.slice(arn.lastIndexOf('/') + 1),
          PolicyArn: arn,
        })),
        IsTruncated: false,
      })),
      ListRolePolicies: op('ListRolePolicies', (p) => ({
        PolicyNames: [...iam.getRole(str(p, 'RoleName')).inline.keys()],
        IsTruncated: false,
      })),
    },
  };
}

export function stsModule(hub: Hub): ServiceModule {
  return {
    name: 'sts',
    denied: { code: 'AccessDenied', httpStatus: 403, quoteResource: false },
    operations: {
      // GetCallerIdentity needs no permission, as on AWS.
      GetCallerIdentity: {
        action: null,
        resource: () => '*',
        run: (_p, c) => {
          if (!c.caller) {
            return {
              UserId: 'AIDAEXAMPLELEARNER',
              Account: hub.accountId,
              Arn: `arn:aws:iam::${hub.accountId}:user/lab-learner`,
            };
          }
          const role = hub.functionRole(c.caller.functionName) ?? '';
          const r = hub.iam.roles.get(role.slice(role.lastIndexOf('/') + 1));
          return {
            UserId: `${r?.roleId ?? 'AROAEXAMPLE'}:${c.caller.functionName}`,
            Account: hub.accountId,
            Arn: assumedRoleArn(hub.accountId, role, c.caller.functionName),
          };
        },
      },
    },
  };
}
