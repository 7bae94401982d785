/** S3 notification records (facts §4.3): ObjectCreated with size and eTag, ObjectRemoved with key and sequencer only. */

import { SAM_REGION } from './defaults';
import type { JsonObject } from './deps';

export interface S3RecordArgs {
  readonly eventName?: string;
  readonly bucket?: string;
  readonly key?: string;
  readonly size?: number;
  readonly eTag?: string;
  readonly sequencer?: string;
  readonly region?: string;
  readonly eventTime?: string;
  readonly eventVersion?: string;
  readonly principalId?: string;
  readonly sourceIPAddress?: string;
  readonly requestId?: string;
  readonly hostId?: string;
  readonly configurationId?: string;
  readonly ownerPrincipalId?: string;
}

/** S3 form-encodes keys in events: space becomes `+`, `/` stays, others outside [A-Za-z0-9.*_-] become %XX. */
export function encodeS3Key(key: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(key)) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9.*_\-/]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function s3Record(a: S3RecordArgs = {}): JsonObject {
  const eventName = a.eventName ?? 'ObjectCreated:Put';
  const bucket = a.bucket ?? 'example-bucket';
  const removed = eventName.startsWith('ObjectRemoved');
  const object: JsonObject = removed
    ? { key: encodeS3Key(a.key ?? 'test/key'), sequencer: a.sequencer ?? '0A1B2C3D4E5F678901' }
    : {
        key: encodeS3Key(a.key ?? 'test/key'),
        size: a.size ?? 1024,
        eTag: a.eTag ?? '0123456789abcdef0123456789abcdef',
        sequencer: a.sequencer ?? '0A1B2C3D4E5F678901',
      };
  return {
    eventVersion: a.eventVersion ?? '2.0',
    eventSource: 'aws:s3',
    awsRegion: a.region ?? SAM_REGION,
    eventTime: a.eventTime ?? '1970-01-01T00:00:00.000Z',
    eventName,
    userIdentity: { principalId: a.principalId ?? 'EXAMPLE' },
    requestParameters: { sourceIPAddress: a.sourceIPAddress ?? '127.0.0.1' },
    responseElements: {
      'x-amz-request-id': a.requestId ?? 'EXAMPLE123456789',
      'x-amz-id-2': a.hostId ?? 'EXAMPLE123/5678abcdefghijklambdaisawesome/mnopqrstuvwxyzABCDEFGH',
    },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: a.configurationId ?? 'testConfigRule',
      bucket: {
        name: bucket,
        ownerIdentity: { principalId: a.ownerPrincipalId ?? 'EXAMPLE' },
        arn: `arn:aws:s3:::${bucket}`,
      },
      object,
    },
  };
}

export function s3PutEvent(a: S3RecordArgs = {}): JsonObject {
  return { Records: [s3Record({ ...a, eventName: a.eventName ?? 'ObjectCreated:Put' })] };
}

export function s3DeleteEvent(a: S3RecordArgs = {}): JsonObject {
  return { Records: [s3Record({ ...a, eventName: a.eventName ?? 'ObjectRemoved:Delete' })] };
}
