/**
 * Least-privilege statements to start an inline policy from: one action set on one resource, with the
 * resource's name left for the learner to fill in (the lab's account and Region are filled).
 */
import { limits } from '../../sim';

const ARN = `${limits.REGION_DEFAULT}:${limits.ACCOUNT_ID_DEFAULT}`;

export interface PolicyTemplate {
  readonly id: string;
  readonly label: string;
  readonly actions: readonly string[];
  readonly resource: string;
}

export const POLICY_TEMPLATES: readonly PolicyTemplate[] = [
  {
    id: 'ddb-read',
    label: 'Read items from a DynamoDB table',
    actions: ['dynamodb:GetItem', 'dynamodb:Query'],
    resource: `arn:aws:dynamodb:${ARN}:table/TABLE_NAME`,
  },
  {
    id: 'ddb-write',
    label: 'Write items to a DynamoDB table',
    actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
    resource: `arn:aws:dynamodb:${ARN}:table/TABLE_NAME`,
  },
  {
    id: 's3-read',
    label: 'Read objects from an S3 bucket',
    actions: ['s3:GetObject'],
    resource: 'arn:aws:s3:::BUCKET_NAME/*',
  },
  {
    id: 's3-write',
    label: 'Write objects to an S3 bucket',
    actions: ['s3:PutObject'],
    resource: 'arn:aws:s3:::BUCKET_NAME/*',
  },
  {
    id: 'sqs-send',
    label: 'Send messages to an SQS queue',
    actions: ['sqs:SendMessage'],
    resource: `arn:aws:sqs:${ARN}:QUEUE_NAME`,
  },
  {
    id: 'sns-publish',
    label: 'Publish to an SNS topic',
    actions: ['sns:Publish'],
    resource: `arn:aws:sns:${ARN}:TOPIC_NAME`,
  },
  {
    id: 'lambda-invoke',
    label: 'Invoke another function',
    actions: ['lambda:InvokeFunction'],
    resource: `arn:aws:lambda:${ARN}:function:FUNCTION_NAME`,
  },
];

/** The inline policy with the template's statement added; the text must be a policy document already. */
export function withTemplate(
  text: string,
  template: PolicyTemplate,
): { ok: true; text: string } | { ok: false; error: string } {
  const statement = { Effect: 'Allow', Action: [...template.actions], Resource: template.resource };
  if (text.trim() === '')
    return {
      ok: true,
      text: `${JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2)}\n`,
    };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, error: 'Fix the policy JSON first: the statement is added to the document.' };
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    return { ok: false, error: 'The policy must be a JSON object with a Statement list.' };
  const record = doc as Record<string, unknown>;
  const list =
    record.Statement === undefined
      ? []
      : Array.isArray(record.Statement)
        ? record.Statement
        : [record.Statement];
  return { ok: true, text: `${JSON.stringify({ ...record, Statement: [...list, statement] }, null, 2)}\n` };
}
