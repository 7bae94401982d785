/**
 * The function's execution role, made to match the draft: the managed policies it lists, attached, and its
 * inline policy, put (or deleted). The role is created when missing, as the console's "Create a new role
 * with basic Lambda permissions" does; like the console, a role created for a deploy that is then refused
 * stays (empty of the draft's policies). Every policy change is undone when a later step is refused.
 */
import type { JsonObject } from '../../sim/services/json';
import { type FunctionDraft, roleNameOf } from '../../store/draftSchema';
import { managedPolicyArn, roleArnOf } from './deployFields';
import { StepRefused, type Tx, undoCall } from './deployTx';

const LAMBDA_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** The inline policy's name (the one buildWorld gives lesson roles, so opened worlds match). */
export const inlinePolicyName = (roleName: string) => `${roleName}-policy`;

export function deployRole(tx: Tx, functionName: string, draft: FunctionDraft): string {
  const RoleName = roleNameOf(functionName, draft);
  const lab = tx.lab;
  if (!tx.peek('iam', 'GetRole', { RoleName })) {
    tx.call('role', 'iam', 'CreateRole', { RoleName, AssumeRolePolicyDocument: LAMBDA_TRUST });
    tx.note('role', `created role ${RoleName}`);
  }
  const wanted = draft.role.managedPolicies.map((p) => managedPolicyArn(p) ?? p);
  const listed = tx.call('role.managed', 'iam', 'ListAttachedRolePolicies', { RoleName });
  const attached = ((listed.AttachedPolicies ?? []) as JsonObject[]).map((p) => String(p.PolicyArn));
  for (const PolicyArn of wanted.filter((a) => !attached.includes(a))) {
    tx.call('role.managed', 'iam', 'AttachRolePolicy', { RoleName, PolicyArn }, () =>
      undoCall(lab, 'iam', 'DetachRolePolicy', { RoleName, PolicyArn }),
    );
    tx.note('role', `attached ${PolicyArn.slice(PolicyArn.lastIndexOf('/') + 1)}`);
  }
  for (const PolicyArn of attached.filter((a) => !wanted.includes(a))) {
    tx.call('role.managed', 'iam', 'DetachRolePolicy', { RoleName, PolicyArn }, () =>
      undoCall(lab, 'iam', 'AttachRolePolicy', { RoleName, PolicyArn }),
    );
    tx.note('role', `detached ${PolicyArn.slice(PolicyArn.lastIndexOf('/') + 1)}`);
  }
  const ours = inlinePolicyName(RoleName);
  const doc = draft.role.inlinePolicy.trim() === '' ? null : draft.role.inlinePolicy;
  const names = (tx.call('role.inline', 'iam', 'ListRolePolicies', { RoleName }).PolicyNames ??
    []) as string[];
  const textOf = (PolicyName: string): string =>
    JSON.stringify(tx.call('role.inline', 'iam', 'GetRolePolicy', { RoleName, PolicyName }).PolicyDocument);
  // The draft holds the role's one inline policy: any other is removed (and put back on a rollback).
  for (const PolicyName of names.filter((n) => n !== ours || doc === null)) {
    const PolicyDocument = textOf(PolicyName);
    tx.call('role.inline', 'iam', 'DeleteRolePolicy', { RoleName, PolicyName }, () =>
      undoCall(lab, 'iam', 'PutRolePolicy', { RoleName, PolicyName, PolicyDocument }),
    );
    tx.note('role', `deleted inline policy ${PolicyName}`);
  }
  if (doc !== null) {
    const before = names.includes(ours) ? textOf(ours) : null;
    if (before === null || JSON.stringify(JSON.parse(doc)) !== before) {
      tx.call(
        'role.inline',
        'iam',
        'PutRolePolicy',
        { RoleName, PolicyName: ours, PolicyDocument: doc },
        () =>
          before === null
            ? undoCall(lab, 'iam', 'DeleteRolePolicy', { RoleName, PolicyName: ours })
            : undoCall(lab, 'iam', 'PutRolePolicy', { RoleName, PolicyName: ours, PolicyDocument: before }),
      );
      tx.note('role', 'updated the inline policy');
    }
  }
  return roleArnOf(functionName, draft);
}

/** Lambda refuses a VPC configuration when the role cannot create network interfaces. */
export function checkVpcRole(tx: Tx, roleArn: string, draft: FunctionDraft): void {
  if (!draft.vpc.enabled) return;
  if (!tx.lab.services.iam.isAllowed(roleArn, 'ec2:CreateNetworkInterface', '*'))
    throw new StepRefused(
      'vpc',
      'InvalidParameterValueException: The provided execution role does not have permissions to call CreateNetworkInterface on EC2',
    );
}
