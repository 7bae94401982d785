/**
 * S3: buckets and objects (bytes, size, ETag, metadata, prefix listing) and event notifications to Lambda
 * (asynchronous, refused without the function's resource-based permission), SQS and SNS.
 */

import { s3Record } from './events/s3Event';
import type { Hub } from './hub';
import {
  base64Encode,
  blob,
  isObject,
  type Json,
  type JsonObject,
  optBlob,
  optNum,
  optStr,
  optStrMap,
  str,
  timestamp,
} from './json';
import { isoTimestamp } from './kernel';
import { md5Hex } from './md5';
import type { Operation, ServiceModule } from './operation';
import { serviceError } from './serviceError';
import type { Sns } from './sns';
import type { Sqs } from './sqs';

export interface S3Object {
  readonly key: string;
  readonly body: Uint8Array;
  readonly eTag: string;
  readonly lastModified: number;
  readonly contentType: string;
  readonly metadata: Readonly<Record<string, string>>;
}

interface NotificationTarget {
  readonly id: string;
  readonly kind: 'lambda' | 'queue' | 'topic';
  readonly arn: string;
  readonly events: readonly string[];
  readonly prefix: string;
  readonly suffix: string;
}

interface Bucket {
  readonly name: string;
  readonly createdAt: number;
  readonly objects: Map<string, S3Object>;
  notifications: readonly NotificationTarget[];
  notificationJson: JsonObject;
}

export interface S3 {
  readonly module: ServiceModule;
  getObject(bucket: string, key: string): S3Object | undefined;
  bucketNames(): string[];
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function createS3(hub: Hub, sqs: Sqs, sns: Sns): S3 {
  const buckets = new Map<string, Bucket>();
  let sequencer = 0;

  const bucketOf = (p: JsonObject): Bucket => {
    const b = buckets.get(str(p, 'Bucket'));
    if (!b) throw serviceError('NoSuchBucket', 'The specified bucket does not exist', 404);
    return b;
  };
  const objectArn = (p: JsonObject): string => `arn:aws:s3:::${str(p, 'Bucket')}/${str(p, 'Key')}`;
  const bucketArn = (p: JsonObject): string => `arn:aws:s3:::${str(p, 'Bucket')}`;

  const notify = (
    b: Bucket,
    eventName: string,
    key: string,
    obj: S3Object | null,
    atMs: number,
    depth: number,
    principal: string,
  ): void => {
    sequencer++;
    for (const t of b.notifications) {
      const hit = t.events.some(
        (e) => e === `s3:${eventName}` || (e.endsWith(':*') && `s3:${eventName}`.startsWith(e.slice(0, -1))),
      );
      if (!hit || !key.startsWith(t.prefix) || !key.endsWith(t.suffix)) continue;
      const record = s3Record({
        eventVersion: '2.1',
        eventName,
        bucket: b.name,
        key,
        size: obj?.body.length ?? 0,
        eTag: obj?.eTag ?? '',
        sequencer: sequencer.toString(16).toUpperCase().padStart(18, '0'),
        region: hub.region,
        eventTime: isoTimestamp(atMs),
        principalId: principal,
        sourceIPAddress: '127.0.0.1',
        requestId: hub.ctx.rng.hex(16).toUpperCase(),
        hostId: base64Encode(new TextEncoder().encode(hub.ctx.rng.hex(48))),
        configurationId: t.id,
        ownerPrincipalId: 'A3NL1KOZZKExample',
      });
      const payload = JSON.stringify({ Records: [record] });
      hub.ctx.schedule(atMs, 's3.notification', () => {
        hub.emit('s3.notification.sent', { bucket: b.name, key, eventName, destinationArn: t.arn });
        if (t.kind === 'lambda') hub.invokeAsync(functionNameOf(t.arn), payload, depth + 1, `s3:${b.name}`);
        else if (t.kind === 'queue') sqs.deliver(t.arn, payload, {}, atMs, depth + 1);
        else sns.deliverFromService(t.arn, payload, atMs, depth + 1);
      });
    }
  };

  const principalOf = (c: Parameters<Operation['run']>[1]): string =>
    c.caller ? `AWS:AROAEXAMPLE:${c.caller.functionName}` : 'AWS:AIDAEXAMPLELEARNER';

  const parseTargets = (cfg: JsonObject, b: string): NotificationTarget[] => {
    const out: NotificationTarget[] = [];
    const kinds: [string, string, NotificationTarget['kind']][] = [
      ['LambdaFunctionConfigurations', 'LambdaFunctionArn', 'lambda'],
      ['QueueConfigurations', 'QueueArn', 'queue'],
      ['TopicConfigurations', 'TopicArn', 'topic'],
    ];
    const failed: string[] = [];
    for (const [list, arnKey, kind] of kinds) {
      const items = cfg[list];
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        if (!isObject(item)) continue;
        const arn = str(item, arnKey);
        const rules = ((item.Filter as JsonObject | undefined)?.Key as JsonObject | undefined)?.FilterRules;
        let prefix = '';
        let suffix = '';
        for (const r of Array.isArray(rules) ? rules : []) {
          if (!isObject(r)) continue;
          const name = String(r.Name ?? '').toLowerCase();
          if (name === 'prefix') prefix = String(r.Value ?? '');
          else if (name === 'suffix') suffix = String(r.Value ?? '');
        }
        const events = (Array.isArray(item.Events) ? item.Events : []).map(String);
        if (kind === 'lambda') {
          const fn = functionNameOf(arn);
          const ok =
            hub.world.getFunction(fn).ok &&
            hub.iam.allowsInvoke(fn, 's3.amazonaws.com', `arn:aws:s3:::${b}`, hub.accountId);
          if (!ok) {
            hub.emit('lambda.permission.denied', {
              functionName: fn,
              principal: 's3.amazonaws.com',
              sourceArn: `arn:aws:s3:::${b}`,
            });
            failed.push(arn);
          }
        } else if (kind === 'queue' && !sqs.exists(arn)) failed.push(arn);
        else if (kind === 'topic' && !sns.exists(arn)) failed.push(arn);
        out.push({ id: optStr(item, 'Id') ?? hub.ctx.rng.uuid(), kind, arn, events, prefix, suffix });
      }
    }
    if (failed.length > 0)
      throw serviceError(
        'InvalidArgument',
        'Unable to validate the following destination configurations',
        400,
      );
    return out;
  };

  const ops: Record<string, Operation> = {
    CreateBucket: {
      action: 's3:CreateBucket',
      resource: bucketArn,
      run: (p, c) => {
        const name = str(p, 'Bucket');
        if (!BUCKET_NAME.test(name))
          throw serviceError('InvalidBucketName', 'The specified bucket is not valid.', 400);
        if (buckets.has(name)) {
          throw serviceError(
            'BucketAlreadyOwnedByYou',
            'Your previous request to create the named bucket succeeded and you already own it.',
            409,
          );
        }
        buckets.set(name, {
          name,
          createdAt: c.nowMs,
          objects: new Map(),
          notifications: [],
          notificationJson: {},
        });
        hub.emit('s3.bucket.created', { bucket: name });
        return { Location: `/${name}` };
      },
    },
    HeadBucket: {
      action: 's3:ListBucket',
      resource: bucketArn,
      run: (p) => {
        bucketOf(p);
        return { BucketRegion: hub.region };
      },
    },
    DeleteBucket: {
      action: 's3:DeleteBucket',
      resource: bucketArn,
      run: (p) => {
        const b = bucketOf(p);
        if (b.objects.size > 0)
          throw serviceError('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409);
        buckets.delete(b.name);
        return {};
      },
    },
    ListBuckets: {
      action: 's3:ListAllMyBuckets',
      resource: () => 'arn:aws:s3:::*',
      run: () => ({
        Buckets: [...buckets.values()]
          .sort((a, b) => (a.name < b.name ? -1 : 1))
          .map((b) => ({ Name: b.name, CreationDate: timestamp(b.createdAt) })),
        Owner: { DisplayName: 'lab', ID: 'A3NL1KOZZKExample' },
      }),
    },
    PutObject: {
      action: 's3:PutObject',
      resource: objectArn,
      run: (p, c) => {
        const b = bucketOf(p);
        const key = str(p, 'Key');
        const body = optBlob(p, 'Body') ?? new Uint8Array();
        const obj: S3Object = {
          key,
          body,
          eTag: md5Hex(body),
          lastModified: c.nowMs,
          contentType: optStr(p, 'ContentType') ?? 'binary/octet-stream',
          metadata: optStrMap(p, 'Metadata') ?? {},
        };
        b.objects.set(key, obj);
        hub.emit('s3.object.created', {
          bucket: b.name,
          key,
          size: body.length,
          eTag: obj.eTag,
          atMs: c.nowMs,
        });
        notify(b, 'ObjectCreated:Put', key, obj, c.nowMs, c.depth, principalOf(c));
        return { ETag: `"${obj.eTag}"` };
      },
    },
    CopyObject: {
      action: 's3:PutObject',
      resource: objectArn,
      run: (p, c) => {
        const b = bucketOf(p);
        // boto3 accepts 'bucket/key' or {'Bucket': ..., 'Key': ...}.
        const raw = p.CopySource;
        const clean = isObject(raw)
          ? `${str(raw, 'Bucket')}/${str(raw, 'Key')}`
          : str(p, 'CopySource').replace(/^\//, '');
        const slash = clean.indexOf('/');
        const src = buckets
          .get(clean.slice(0, slash))
          ?.objects.get(decodeURIComponent(clean.slice(slash + 1)));
        if (!src) throw serviceError('NoSuchKey', 'The specified key does not exist.', 404);
        const key = str(p, 'Key');
        const obj: S3Object = { ...src, key, lastModified: c.nowMs };
        b.objects.set(key, obj);
        hub.emit('s3.object.created', {
          bucket: b.name,
          key,
          size: obj.body.length,
          eTag: obj.eTag,
          atMs: c.nowMs,
        });
        notify(b, 'ObjectCreated:Copy', key, obj, c.nowMs, c.depth, principalOf(c));
        return { CopyObjectResult: { ETag: `"${obj.eTag}"`, LastModified: timestamp(c.nowMs) } };
      },
    },
    GetObject: {
      action: 's3:GetObject',
      resource: objectArn,
      run: (p) => {
        const obj = bucketOf(p).objects.get(str(p, 'Key'));
        if (!obj) throw serviceError('NoSuchKey', 'The specified key does not exist.', 404);
        return { ...headJson(obj), Body: blob(base64Encode(obj.body)) };
      },
    },
    HeadObject: {
      action: 's3:GetObject',
      resource: objectArn,
      run: (p) => {
        const obj = bucketOf(p).objects.get(str(p, 'Key'));
        // HEAD responses have no body, so botocore can only report the status.
        if (!obj) throw serviceError('404', 'Not Found', 404);
        return headJson(obj);
      },
    },
    DeleteObject: {
      action: 's3:DeleteObject',
      resource: objectArn,
      run: (p, c) => {
        const b = bucketOf(p);
        const key = str(p, 'Key');
        // S3 answers 204 whether or not the key existed; only a real removal notifies.
        if (b.objects.delete(key)) {
          hub.emit('s3.object.removed', { bucket: b.name, key, atMs: c.nowMs });
          notify(b, 'ObjectRemoved:Delete', key, null, c.nowMs, c.depth, principalOf(c));
        }
        return {};
      },
    },
    ListObjectsV2: {
      action: 's3:ListBucket',
      resource: bucketArn,
      run: (p) => {
        const b = bucketOf(p);
        const prefix = optStr(p, 'Prefix') ?? '';
        const max = optNum(p, 'MaxKeys') ?? 1000;
        const after = optStr(p, 'ContinuationToken') ?? optStr(p, 'StartAfter') ?? '';
        const keys = [...b.objects.keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
        const page = keys.slice(0, max);
        const truncated = keys.length > max;
        const out: JsonObject = {
          IsTruncated: truncated,
          Name: b.name,
          Prefix: prefix,
          MaxKeys: max,
          KeyCount: page.length,
        };
        if (page.length > 0) {
          out.Contents = page.map((k) => {
            const o = b.objects.get(k)!;
            return {
              Key: k,
              LastModified: timestamp(o.lastModified),
              ETag: `"${o.eTag}"`,
              Size: o.body.length,
              StorageClass: 'STANDARD',
            };
          });
        }
        if (truncated) out.NextContinuationToken = page[page.length - 1] ?? '';
        return out;
      },
    },
    PutBucketNotificationConfiguration: {
      action: 's3:PutBucketNotification',
      resource: bucketArn,
      run: (p) => {
        const b = bucketOf(p);
        const cfg = p.NotificationConfiguration;
        if (!isObject(cfg))
          throw serviceError(
            'MalformedXML',
            'The XML you provided was not well-formed or did not validate against our published schema',
            400,
          );
        const targets = parseTargets(cfg, b.name);
        b.notifications = targets;
        b.notificationJson = cfg;
        return {};
      },
    },
    GetBucketNotificationConfiguration: {
      action: 's3:GetBucketNotification',
      resource: bucketArn,
      run: (p) => bucketOf(p).notificationJson,
    },
  };

  return {
    module: {
      name: 's3',
      denied: { code: 'AccessDenied', httpStatus: 403, quoteResource: true },
      operations: ops,
    },
    getObject: (bucket, key) => buckets.get(bucket)?.objects.get(key),
    bucketNames: () => [...buckets.keys()],
  };
}

function headJson(obj: S3Object): JsonObject {
  const metadata: { [k: string]: Json } = { ...obj.metadata };
  return {
    AcceptRanges: 'bytes',
    LastModified: timestamp(obj.lastModified),
    ContentLength: obj.body.length,
    ETag: `"${obj.eTag}"`,
    ContentType: obj.contentType,
    Metadata: metadata,
  };
}

/** `my-fn`, `arn:aws:lambda:r:a:function:my-fn` or `...:my-fn:alias` → `my-fn`. */
export function functionNameOf(nameOrArn: string): string {
  const m = /^arn:[^:]+:lambda:[^:]*:\d{12}:function:([^:]+)(:.*)?$/.exec(nameOrArn);
  return m?.[1] ?? nameOrArn;
}
