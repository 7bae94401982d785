/** ARNs and URLs of the lab's account and region, and DynamoDB's typed attribute values. */
import type { Json } from './events';
import { isObject, type JsonObject } from './jsonPath';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const fnArn = (name: string) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
export const queueArn = (name: string) => `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`;
export const queueUrl = (name: string) => `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`;
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
export const topicArn = (name: string) => `arn:aws:sns:${REGION}:${ACCOUNT}:${name}`;

/** Plain JSON to DynamoDB's typed attribute values. */
export function marshal(v: Json): JsonObject {
  if (v === null) return { NULL: true };
  if (typeof v === 'string') return { S: v };
  if (typeof v === 'number') return { N: String(v) };
  if (typeof v === 'boolean') return { BOOL: v };
  if (Array.isArray(v)) return { L: v.map(marshal) };
  return { M: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, marshal(x)])) };
}
export const marshalItem = (item: Readonly<Record<string, Json>>): JsonObject =>
  Object.fromEntries(Object.entries(item).map(([k, x]) => [k, marshal(x)]));

export function unmarshal(v: Json): Json {
  if (!isObject(v)) return v;
  const [type, x] = Object.entries(v)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
      return x as string;
    case 'N':
      return Number(x);
    case 'BOOL':
      return x as boolean;
    case 'NULL':
      return null;
    case 'L':
      return (x as Json[]).map(unmarshal);
    case 'M':
      return Object.fromEntries(Object.entries(x as JsonObject).map(([k, y]) => [k, unmarshal(y)]));
    default:
      return x as Json;
  }
}
