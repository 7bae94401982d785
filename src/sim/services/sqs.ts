/** SQS: the queue registry and API (standard and FIFO), plus delivery from S3, SNS and Lambda destinations. */
import type { Hub } from './hub';
import { isObject, type Json, type JsonObject, optArr, optNum, optStr, str } from './json';
import type { DestinationSink } from './kernel';
import type { Operation, ServiceModule } from './operation';
import { serviceError } from './serviceError';
import { sha256Hex } from './sha256';
import {
  createQueueOps,
  type Message,
  type Queue,
  type QueueOps,
  retire,
  type SendOutcome,
} from './sqsQueue';

export interface Sqs {
  readonly module: ServiceModule;
  readonly ops: QueueOps;
  readonly destinationSink: DestinationSink;
  exists(arn: string): boolean;
  queueByArn(arn: string): Queue | undefined;
  /**
   * A service (S3, SNS, a destination) sends a message; returns false if the queue does not exist. An SNS
   * FIFO topic passes its message group and deduplication ID; other senders to a FIFO queue get fresh ones.
   */
  deliver(
    arn: string,
    body: string,
    attributes: JsonObject,
    atMs: number,
    depth: number,
    fifo?: { readonly groupId: string; readonly dedupId: string },
  ): boolean;
}

const NAME = /^[a-zA-Z0-9_-]{1,80}$/;

function nonExistent(): never {
  throw serviceError('AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.', 400);
}

function messageAttributesOf(p: JsonObject): JsonObject {
  const v = p.MessageAttributes;
  return isObject(v) ? v : {};
}

export function createSqs(hub: Hub): Sqs {
  const queues = new Map<string, Queue>();
  const byArn = (arn: string): Queue | undefined => {
    const name = arn.slice(arn.lastIndexOf(':') + 1);
    const q = queues.get(name);
    return q && q.arn === arn ? q : undefined;
  };
  const ops = createQueueOps(hub, byArn);
  const queueOf = (p: JsonObject): Queue => {
    const url = str(p, 'QueueUrl');
    const q = queues.get(url.slice(url.lastIndexOf('/') + 1));
    return q && q.url === url ? q : nonExistent();
  };
  const arnOf = (p: JsonObject): string => {
    const url = str(p, 'QueueUrl');
    return `arn:aws:sqs:${hub.region}:${hub.accountId}:${url.slice(url.lastIndexOf('/') + 1)}`;
  };

  const setAttributes = (q: Queue, attrs: JsonObject): void => {
    const a = q.attrs;
    const next = { ...a };
    for (const [k, v] of Object.entries(attrs)) {
      const s = String(v);
      const n = Number(s);
      const bad = (): never => {
        throw serviceError('InvalidAttributeValue', `Invalid value for the parameter ${k}.`, 400);
      };
      if (k === 'VisibilityTimeout')
        next.visibilityTimeoutS = Number.isInteger(n) && n >= 0 && n <= 43200 ? n : bad();
      else if (k === 'DelaySeconds') next.delayS = Number.isInteger(n) && n >= 0 && n <= 900 ? n : bad();
      else if (k === 'MessageRetentionPeriod')
        next.retentionS = Number.isInteger(n) && n >= 60 && n <= 1209600 ? n : bad();
      else if (k === 'RedrivePolicy') {
        let r: { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown } = {};
        try {
          r = JSON.parse(s) as typeof r;
        } catch {
          bad();
        }
        const target = String(r.deadLetterTargetArn ?? '');
        const max = Number(r.maxReceiveCount);
        const dlq = byArn(target);
        if (!dlq)
          throw serviceError(
            'InvalidParameterValue',
            `Value ${s} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.`,
            400,
          );
        // A FIFO queue's dead-letter queue must be FIFO too, and a standard queue's standard.
        if (dlq.fifo !== q.fifo)
          throw serviceError(
            'InvalidParameterValue',
            `Value ${s} for parameter RedrivePolicy is invalid. Reason: Dead-letter queue must be same type of queue as the source..`,
            400,
          );
        next.redrive =
          Number.isInteger(max) && max >= 1 && max <= 1000
            ? { deadLetterTargetArn: target, maxReceiveCount: max }
            : bad();
      } else if (k === 'ContentBasedDeduplication') next.contentBasedDedup = s === 'true';
      else if (
        k === 'FifoQueue' ||
        k === 'ReceiveMessageWaitTimeSeconds' ||
        k === 'MaximumMessageSize' ||
        k === 'Policy'
      )
        continue;
      else throw serviceError('InvalidAttributeName', `Unknown Attribute ${k}.`, 400);
    }
    Object.assign(a, next);
  };

  const attributesJson = (q: Queue, names: readonly Json[], atMs: number): JsonObject => {
    let visible = 0;
    let inflight = 0;
    let delayed = 0;
    for (const m of q.live.values()) {
      if (m.state === 'queued' && m.visibleAt <= atMs) visible++;
      else if (m.state === 'inflight' && m.visibleAt > atMs) inflight++;
      else if (m.state === 'queued') delayed++;
      else if (m.state === 'inflight') visible++;
    }
    const all: JsonObject = {
      QueueArn: q.arn,
      ApproximateNumberOfMessages: String(visible),
      ApproximateNumberOfMessagesNotVisible: String(inflight),
      ApproximateNumberOfMessagesDelayed: String(delayed),
      CreatedTimestamp: String(Math.floor(q.createdAt / 1000)),
      VisibilityTimeout: String(q.attrs.visibilityTimeoutS),
      DelaySeconds: String(q.attrs.delayS),
      MessageRetentionPeriod: String(q.attrs.retentionS),
      MaximumMessageSize: '1048576',
      ReceiveMessageWaitTimeSeconds: '0',
    };
    if (q.attrs.redrive) all.RedrivePolicy = JSON.stringify(q.attrs.redrive);
    if (q.fifo) {
      all.FifoQueue = 'true';
      all.ContentBasedDeduplication = String(q.attrs.contentBasedDedup);
    }
    if (names.includes('All')) return all;
    const out: JsonObject = {};
    for (const n of names) if (typeof n === 'string' && all[n] !== undefined) out[n] = all[n]!;
    return out;
  };

  const sendOne = (q: Queue, p: JsonObject, atMs: number, depth: number): SendOutcome => {
    const body = str(p, 'MessageBody');
    if (body.length === 0)
      throw serviceError('MissingParameter', 'The request must contain the parameter MessageBody.', 400);
    const groupId = optStr(p, 'MessageGroupId') ?? null;
    let dedupId = optStr(p, 'MessageDeduplicationId') ?? null;
    if (q.fifo) {
      if (!groupId)
        throw serviceError('MissingParameter', 'The request must contain the parameter MessageGroupId.', 400);
      if (!dedupId && q.attrs.contentBasedDedup) dedupId = contentDedupId(body);
      if (!dedupId) {
        throw serviceError(
          'InvalidParameterValue',
          'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
          400,
        );
      }
    }
    const delayS = optNum(p, 'DelaySeconds') ?? q.attrs.delayS;
    if (q.fifo && p.DelaySeconds !== undefined) {
      throw serviceError(
        'InvalidParameterValue',
        `Value ${delayS} for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.`,
        400,
      );
    }
    if (!q.fifo && (groupId !== null || dedupId !== null)) {
      const name = dedupId !== null ? 'MessageDeduplicationId' : 'MessageGroupId';
      throw serviceError(
        'InvalidParameterValue',
        `Value ${dedupId ?? groupId} for parameter ${name} is invalid. Reason: The request include parameter that is not valid for this queue type.`,
        400,
      );
    }
    for (const [name, v] of [
      ['MessageGroupId', groupId],
      ['MessageDeduplicationId', dedupId],
    ] as const) {
      if (v !== null && !/^[\x21-\x7e]{1,128}$/.test(v))
        throw serviceError(
          'InvalidParameterValue',
          `Value ${v} for parameter ${name} is invalid. Reason: ${name} can only include alphanumeric and punctuation characters. 1 to 128 in length.`,
          400,
        );
    }
    return ops.send(
      q,
      {
        id: hub.ctx.rng.uuid(),
        body,
        attributes: messageAttributesOf(p),
        sentAt: atMs,
        depth,
        groupId,
        dedupId,
      },
      delayS,
    );
  };

  const sendResult = ({ message: m }: SendOutcome, q: Queue): JsonObject => {
    // A FIFO duplicate is accepted and answered as the message first sent with that ID, but not enqueued.
    const out: JsonObject = { MD5OfMessageBody: m.md5, MessageId: m.id };
    if (q.fifo && m.sequenceNumber) out.SequenceNumber = m.sequenceNumber;
    return out;
  };

  const messageJson = (m: Message, names: readonly Json[], attrNames: readonly Json[]): JsonObject => {
    const out: JsonObject = {
      MessageId: m.id,
      ReceiptHandle: m.receipt ?? '',
      MD5OfBody: m.md5,
      Body: m.body,
    };
    const want = (n: string): boolean => names.includes('All') || names.includes(n);
    const attrs: JsonObject = {};
    if (want('SenderId')) attrs.SenderId = 'AROAEXAMPLE';
    if (want('SentTimestamp')) attrs.SentTimestamp = String(m.sentAt);
    if (want('ApproximateReceiveCount')) attrs.ApproximateReceiveCount = String(m.receiveCount);
    if (want('ApproximateFirstReceiveTimestamp'))
      attrs.ApproximateFirstReceiveTimestamp = String(m.firstReceiveAt ?? '');
    if (m.sequenceNumber !== null && want('SequenceNumber')) attrs.SequenceNumber = m.sequenceNumber;
    if (m.groupId !== null && want('MessageGroupId')) attrs.MessageGroupId = m.groupId;
    if (m.dedupId !== null && want('MessageDeduplicationId')) attrs.MessageDeduplicationId = m.dedupId;
    if (Object.keys(attrs).length > 0) out.Attributes = attrs;
    const mattrs: JsonObject = {};
    for (const [k, v] of Object.entries(m.attributes)) {
      if (attrNames.includes('All') || attrNames.includes(k) || attrNames.includes('.*')) mattrs[k] = v;
    }
    if (Object.keys(mattrs).length > 0) out.MessageAttributes = mattrs;
    return out;
  };

  const op = (action: string, run: Operation['run']): Operation => ({
    action: `sqs:${action}`,
    resource: arnOf,
    run,
  });
  const operations: Record<string, Operation> = {
    CreateQueue: {
      action: 'sqs:CreateQueue',
      resource: (p) => `arn:aws:sqs:${hub.region}:${hub.accountId}:${str(p, 'QueueName')}`,
      run: (p, c) => {
        const name = str(p, 'QueueName');
        const fifo = name.endsWith('.fifo');
        if (!NAME.test(fifo ? name.slice(0, -5) : name)) {
          throw serviceError(
            'InvalidParameterValue',
            'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
            400,
          );
        }
        const attrs = isObject(p.Attributes) ? p.Attributes : {};
        if (!fifo && attrs.FifoQueue === 'true') {
          throw serviceError(
            'InvalidParameterValue',
            'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.',
            400,
          );
        }
        const existing = queues.get(name);
        if (existing) return { QueueUrl: existing.url };
        const q: Queue = {
          name,
          url: `https://sqs.${hub.region}.amazonaws.com/${hub.accountId}/${name}`,
          arn: `arn:aws:sqs:${hub.region}:${hub.accountId}:${name}`,
          fifo,
          createdAt: c.nowMs,
          attrs: {
            visibilityTimeoutS: 30,
            delayS: 0,
            retentionS: 345_600,
            redrive: null,
            contentBasedDedup: false,
          },
          messages: new Map(),
          live: new Map(),
          receipts: new Map(),
          listeners: new Set(),
          dedup: new Map(),
          nextSeq: 0,
        };
        setAttributes(q, attrs);
        queues.set(name, q);
        hub.emit('sqs.queue.created', { queueName: name, queueUrl: q.url });
        return { QueueUrl: q.url };
      },
    },
    GetQueueUrl: {
      action: 'sqs:GetQueueUrl',
      resource: (p) => `arn:aws:sqs:${hub.region}:${hub.accountId}:${str(p, 'QueueName')}`,
      run: (p) => ({ QueueUrl: queues.get(str(p, 'QueueName'))?.url ?? nonExistent() }),
    },
    ListQueues: {
      action: 'sqs:ListQueues',
      resource: () => `arn:aws:sqs:${hub.region}:${hub.accountId}:*`,
      run: (p) => {
        const prefix = optStr(p, 'QueueNamePrefix') ?? '';
        const urls = [...queues.values()].filter((q) => q.name.startsWith(prefix)).map((q) => q.url);
        const out: JsonObject = {};
        if (urls.length > 0) out.QueueUrls = urls;
        return out;
      },
    },
    DeleteQueue: op('DeleteQueue', (p) => {
      const q = queueOf(p);
      queues.delete(q.name);
      return {};
    }),
    GetQueueAttributes: op('GetQueueAttributes', (p, c) => ({
      Attributes: attributesJson(queueOf(p), optArr(p, 'AttributeNames') ?? [], c.nowMs),
    })),
    SetQueueAttributes: op('SetQueueAttributes', (p) => {
      const q = queueOf(p);
      setAttributes(q, isObject(p.Attributes) ? p.Attributes : {});
      return {};
    }),
    SendMessage: op('SendMessage', (p, c) => {
      const q = queueOf(p);
      return sendResult(sendOne(q, p, c.nowMs, c.depth + 1), q);
    }),
    SendMessageBatch: op('SendMessage', (p, c) => {
      const q = queueOf(p);
      const entries = optArr(p, 'Entries') ?? [];
      if (entries.length === 0)
        throw serviceError(
          'AWS.SimpleQueueService.EmptyBatchRequest',
          'There should be at least one SendMessageBatchRequestEntry in the request.',
          400,
        );
      if (entries.length > 10)
        throw serviceError(
          'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
          `Maximum number of entries per request are 10. You have sent ${entries.length}.`,
          400,
        );
      const ok: JsonObject[] = [];
      for (const e of entries) {
        if (!isObject(e)) continue;
        ok.push({ Id: str(e, 'Id'), ...sendResult(sendOne(q, e, c.nowMs, c.depth + 1), q) });
      }
      return { Successful: ok, Failed: [] };
    }),
    ReceiveMessage: op('ReceiveMessage', (p, c) => {
      const q = queueOf(p);
      const max = optNum(p, 'MaxNumberOfMessages') ?? 1;
      if (max < 1 || max > 10) {
        throw serviceError(
          'InvalidParameterValue',
          `Value ${max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.`,
          400,
        );
      }
      const vis = optNum(p, 'VisibilityTimeout') ?? q.attrs.visibilityTimeoutS;
      const got = ops.receive(q, max, c.nowMs, vis, c.caller?.functionName ?? 'console');
      const names = [
        ...(optArr(p, 'AttributeNames') ?? []),
        ...(optArr(p, 'MessageSystemAttributeNames') ?? []),
      ];
      const attrNames = optArr(p, 'MessageAttributeNames') ?? [];
      const out: JsonObject = {};
      if (got.length > 0) out.Messages = got.map((m) => messageJson(m, names, attrNames));
      return out;
    }),
    DeleteMessage: op('DeleteMessage', (p, c) => {
      const q = queueOf(p);
      const receipt = str(p, 'ReceiptHandle');
      if (ops.deleteByReceipt(q, receipt, c.caller?.functionName ?? 'console') === 'invalid') {
        throw serviceError(
          'ReceiptHandleIsInvalid',
          `The input receipt handle "${receipt}" is not a valid receipt handle.`,
          400,
        );
      }
      return {};
    }),
    DeleteMessageBatch: op('DeleteMessage', (p, c) => {
      const q = queueOf(p);
      const ok: JsonObject[] = [];
      const failed: JsonObject[] = [];
      for (const e of optArr(p, 'Entries') ?? []) {
        if (!isObject(e)) continue;
        const r = ops.deleteByReceipt(q, str(e, 'ReceiptHandle'), c.caller?.functionName ?? 'console');
        if (r === 'invalid')
          failed.push({
            Id: str(e, 'Id'),
            SenderFault: true,
            Code: 'ReceiptHandleIsInvalid',
            Message: 'The input receipt handle is invalid.',
          });
        else ok.push({ Id: str(e, 'Id') });
      }
      return { Successful: ok, Failed: failed };
    }),
    ChangeMessageVisibility: op('ChangeMessageVisibility', (p, c) => {
      const q = queueOf(p);
      const receipt = str(p, 'ReceiptHandle');
      const t = optNum(p, 'VisibilityTimeout') ?? 0;
      const r = ops.changeVisibility(q, receipt, t, c.nowMs);
      if (r === 'invalid')
        throw serviceError(
          'ReceiptHandleIsInvalid',
          `The input receipt handle "${receipt}" is not a valid receipt handle.`,
          400,
        );
      if (r === 'notInflight')
        throw serviceError('MessageNotInflight', 'The message referred to is not in flight.', 400);
      return {};
    }),
    PurgeQueue: op('PurgeQueue', (p) => {
      const q = queueOf(p);
      for (const m of q.live.values()) {
        if (m.state === 'queued' || m.state === 'inflight') {
          retire(q, m, 'deleted');
          hub.emit('sqs.message.deleted', { queueName: q.name, messageId: m.id, by: 'purge' });
        }
      }
      return {};
    }),
  };

  const deliver = (
    arn: string,
    body: string,
    attributes: JsonObject,
    atMs: number,
    depth: number,
    fifo?: { readonly groupId: string; readonly dedupId: string },
  ): boolean => {
    const q = byArn(arn);
    if (!q) return false;
    const groupId = q.fifo ? (fifo?.groupId ?? 'default') : null;
    ops.send(
      q,
      {
        id: hub.ctx.rng.uuid(),
        body,
        attributes,
        sentAt: atMs,
        depth,
        groupId,
        dedupId: q.fifo ? (fifo?.dedupId ?? hub.ctx.rng.uuid()) : null,
      },
      q.attrs.delayS,
    );
    return true;
  };

  return {
    module: {
      name: 'sqs',
      denied: { code: 'AccessDenied', httpStatus: 403, quoteResource: false },
      operations,
    },
    ops,
    exists: (arn) => byArn(arn) !== undefined,
    queueByArn: byArn,
    deliver,
    destinationSink: {
      accepts: (arn) => arn.startsWith('arn:aws:sqs:') && byArn(arn) !== undefined,
      deliver: (d) => {
        const attrs: JsonObject = {};
        for (const [k, v] of Object.entries(d.attributes)) {
          attrs[k] = { DataType: k === 'ErrorCode' ? 'Number' : 'String', StringValue: v };
        }
        deliver(d.destinationArn, d.bodyJson, attrs, hub.now(), 0);
      },
    },
  };
}

/** Content-based deduplication: the ID is the SHA-256 of the body (message attributes do not count). */
function contentDedupId(body: string): string {
  return sha256Hex(body);
}
