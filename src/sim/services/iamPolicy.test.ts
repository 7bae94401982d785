import { describe, expect, it } from 'vitest';
import { evaluate, parsePolicy, wildcardMatch } from './iamPolicy';
import { createLab } from './labTestSupport';
import { ServiceError } from './serviceError';

const allow = (action: string | string[], resource: string | string[]) => ({
  Effect: 'Allow',
  Action: action,
  Resource: resource,
});

describe('IAM policy evaluation', () => {
  it('matches * and ? wildcards, actions case-insensitively, resources case-sensitively', () => {
    expect(wildcardMatch('s3:Get*', 's3:getobject', true)).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::bucket-?/*', 'arn:aws:s3:::bucket-a/x/y', false)).toBe(true);
    expect(wildcardMatch('arn:aws:s3:::bucket-?/*', 'arn:aws:s3:::bucket-ab/x', false)).toBe(false);
    expect(wildcardMatch('arn:aws:s3:::Bucket/*', 'arn:aws:s3:::bucket/x', false)).toBe(false);
  });

  it('lets an explicit deny win over any allow, and denies implicitly otherwise', () => {
    const p = parsePolicy(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          allow('s3:*', '*'),
          { Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::keep/*' },
        ],
      }),
      'identity',
    );
    expect(evaluate([p], { action: 's3:GetObject', resource: 'arn:aws:s3:::keep/a' })).toBe('allow');
    expect(evaluate([p], { action: 's3:DeleteObject', resource: 'arn:aws:s3:::keep/a' })).toBe(
      'explicitDeny',
    );
    expect(
      evaluate([p], { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:123456789012:q' }),
    ).toBe('implicitDeny');
  });

  it('supports NotAction and ArnLike conditions', () => {
    const p = parsePolicy(
      {
        Statement: [
          { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
          {
            Effect: 'Allow',
            Principal: { Service: 's3.amazonaws.com' },
            Action: 'lambda:InvokeFunction',
            Resource: '*',
            Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::in-*' } },
          },
        ],
      },
      'resource',
    );
    expect(evaluate([p], { action: 'iam:CreateRole', resource: '*' })).toBe('implicitDeny');
    expect(
      evaluate([p], {
        action: 'lambda:InvokeFunction',
        resource: 'x',
        principal: 's3.amazonaws.com',
        keys: { 'aws:SourceArn': 'arn:aws:s3:::in-bucket' },
      }),
    ).toBe('allow');
  });

  it.each([
    ['not json {', 'Syntax errors in policy.'],
    [JSON.stringify({ Statement: [{ Action: 's3:*', Resource: '*' }] }), 'Missing required field Effect'],
    [
      JSON.stringify({ Statement: [{ Effect: 'Allow', Resource: '*' }] }),
      'Policy statement must contain actions.',
    ],
    [
      JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:*' }] }),
      'Policy statement must contain resources.',
    ],
    [
      JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'GetObject', Resource: '*' }] }),
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
    ],
  ])('refuses a malformed document %s with MalformedPolicyDocument', (doc, message) => {
    try {
      parsePolicy(doc, 'identity');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ServiceError);
      expect((e as ServiceError).code).toBe('MalformedPolicyDocument');
      expect((e as ServiceError).message).toBe(message);
    }
  });
});

describe('IAM through the API', () => {
  it('refuses a malformed inline policy and leaves the role unchanged', () => {
    const lab = createLab();
    lab.role('r');
    const e = lab.error('iam', 'PutRolePolicy', {
      RoleName: 'r',
      PolicyName: 'p',
      PolicyDocument: '{"Statement": [',
    });
    expect(e).toMatchObject({ code: 'MalformedPolicyDocument', message: 'Syntax errors in policy.' });
    expect(lab.ok('iam', 'ListRolePolicies', { RoleName: 'r' }).PolicyNames).toEqual([]);
  });

  it('names an unknown role and an unknown managed policy', () => {
    const lab = createLab();
    expect(lab.error('iam', 'GetRole', { RoleName: 'ghost' })).toEqual({
      code: 'NoSuchEntity',
      message: 'The role with name ghost cannot be found.',
      httpStatus: 404,
      errorKind: 'client',
    });
    lab.role('r');
    expect(
      lab.error('iam', 'AttachRolePolicy', { RoleName: 'r', PolicyArn: 'arn:aws:iam::aws:policy/Nope' })
        .message,
    ).toBe('Policy arn:aws:iam::aws:policy/Nope does not exist or is not attachable.');
  });

  it('denies a function call with the assumed-role ARN and the exact AWS message (facts §10)', () => {
    const lab = createLab();
    const role = lab.role('red-dam-role', ['AWSLambdaBasicExecutionRole']);
    lab.fn('red-dam', role);
    lab.ok('dynamodb', 'CreateTable', {
      TableName: 'dam_user_filter',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    });
    const e = lab.error(
      'dynamodb',
      'GetItem',
      { TableName: 'dam_user_filter', Key: { id: { S: '1' } } },
      'red-dam',
    );
    expect(e.code).toBe('AccessDeniedException');
    expect(e.message).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/red-dam-role/red-dam is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/dam_user_filter because no identity-based policy allows the dynamodb:GetItem action',
    );
  });

  it('reports an explicit deny as such', () => {
    const lab = createLab();
    const role = lab.role('r', [], {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Effect: 'Deny', Action: 's3:PutObject', Resource: '*' },
      ],
    });
    lab.fn('f', role);
    lab.ok('s3', 'CreateBucket', { Bucket: 'b-1' });
    const e = lab.error('s3', 'PutObject', { Bucket: 'b-1', Key: 'k' }, 'f');
    expect(e.code).toBe('AccessDenied');
    expect(e.message).toBe(
      'User: arn:aws:sts::123456789012:assumed-role/r/f is not authorized to perform: s3:PutObject on resource: "arn:aws:s3:::b-1/k" with an explicit deny in an identity-based policy',
    );
  });

  it('knows which roles Lambda can assume', () => {
    const lab = createLab();
    const good = lab.role('good');
    lab.ok('iam', 'CreateRole', {
      RoleName: 'ec2',
      AssumeRolePolicyDocument: JSON.stringify({
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
    });
    expect(lab.services.iam.lambdaCanAssume(good)).toBe(true);
    expect(lab.services.iam.lambdaCanAssume('arn:aws:iam::123456789012:role/ec2')).toBe(false);
    expect(lab.services.iam.lambdaCanAssume('arn:aws:iam::123456789012:role/missing')).toBe(false);
  });
});
