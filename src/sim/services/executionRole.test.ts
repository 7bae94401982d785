import { describe, expect, it } from 'vitest';
import { CANNOT_ASSUME, withExecutionRoleCheck } from './executionRole';
import { createLab, HELLO } from './labTestSupport';

describe('execution role check', () => {
  it('refuses a role that does not trust lambda.amazonaws.com, and an unknown role, leaving the world unchanged', () => {
    const lab = createLab();
    const world = withExecutionRoleCheck(lab.world, lab.services.iam);
    lab.ok('iam', 'CreateRole', {
      RoleName: 'ec2-role',
      AssumeRolePolicyDocument: JSON.stringify({
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    });
    const base = { runtime: 'python3.12', handler: 'lambda_function.lambda_handler', code: { files: HELLO } };
    for (const role of ['arn:aws:iam::123456789012:role/ec2-role', 'arn:aws:iam::123456789012:role/nobody']) {
      const r = world.createFunction({ ...base, functionName: 'f', role });
      expect(r).toEqual({
        ok: false,
        error: { name: 'InvalidParameterValueException', message: CANNOT_ASSUME, httpStatus: 400 },
      });
    }
    expect(world.getFunction('f').ok).toBe(false);
    const good = lab.role('lambda-role');
    expect(world.createFunction({ ...base, functionName: 'f', role: good }).ok).toBe(true);
    const upd = world.updateFunctionConfiguration('f', { role: 'arn:aws:iam::123456789012:role/ec2-role' });
    expect(upd.ok).toBe(false);
    expect(
      world.getFunction('f').ok && (world.getFunction('f') as { value: { role: string } }).value.role,
    ).toBe(good);
  });

  it("leaves a malformed role ARN to the kernel's own validation message", () => {
    const lab = createLab();
    const world = withExecutionRoleCheck(lab.world, lab.services.iam);
    const r = world.createFunction({
      functionName: 'f',
      role: 'not-an-arn',
      runtime: 'python3.12',
      handler: 'a.b',
      code: { files: HELLO },
    });
    expect(!r.ok && r.error.name).toBe('ValidationException');
  });
});
