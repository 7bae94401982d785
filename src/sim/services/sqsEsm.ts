/**
 * The SQS event source mapping: batches of up to BatchSize messages (waiting up to the batching window),
 * invoked synchronously; success deletes, failure leaves messages to reappear after the visibility timeout,
 * ReportBatchItemFailures deletes all but the failed ones. Scaling: 5 concurrent batches, +300 a minute
 * while messages wait, up to 1,250 or ScalingConfig.MaximumConcurrency (facts §5.2).
 */

import type { RecordFilter } from './esmFilter';
import { sqsRecord } from './events/sqsEvent';
import type { Hub } from './hub';
import type { Json, JsonObject } from './json';
import { isObject } from './json';
import type { Sqs } from './sqs';
import type { Message, Queue } from './sqsQueue';

export const SQS_ESM_START_CONCURRENCY = 5;
export const SQS_ESM_SCALE_PER_MINUTE = 300;
export const SQS_ESM_MAX_CONCURRENCY = 1250;

export interface SqsMappingConfig {
  readonly uuid: string;
  readonly functionName: string;
  readonly queue: Queue;
  readonly batchSize: number;
  readonly windowS: number;
  readonly reportBatchItemFailures: boolean;
  /** FilterCriteria: messages it refuses are deleted without invoking the function (as Lambda does). */
  readonly filter?: RecordFilter | null;
  readonly maximumConcurrency: number | null;
  readonly functionTimeoutS: number;
}

export interface SqsMapping {
  readonly config: SqsMappingConfig;
  enabled: boolean;
  inflight: number;
  concurrency: number;
  backlogSince: number | null;
  pollAt: number | null;
  waitingSince: number | null;
  stop(): void;
}

/** Which messages a handler's response marks as failed; null means the whole batch failed. */
export function failedItems(payloadJson: string, batch: readonly Message[]): Set<string> | null {
  let parsed: Json;
  try {
    parsed = JSON.parse(payloadJson) as Json;
  } catch {
    return null;
  }
  if (parsed === null || !isObject(parsed)) return new Set();
  const list = parsed.batchItemFailures;
  if (list === undefined || list === null) return new Set();
  if (!Array.isArray(list)) return null;
  const ids = new Set(batch.map((m) => m.id));
  const out = new Set<string>();
  for (const item of list) {
    const id = isObject(item) ? item.itemIdentifier : undefined;
    // An empty, missing or unknown identifier fails the whole batch (facts §5.2).
    if (typeof id !== 'string' || id === '' || !ids.has(id)) return null;
    out.add(id);
  }
  return out;
}

export function startSqsMapping(hub: Hub, sqs: Sqs, config: SqsMappingConfig): SqsMapping {
  const q = config.queue;
  const cap = Math.min(SQS_ESM_MAX_CONCURRENCY, config.maximumConcurrency ?? SQS_ESM_MAX_CONCURRENCY);
  const visibilityS = (): number => {
    const needed = config.windowS + config.functionTimeoutS;
    return needed > q.attrs.visibilityTimeoutS ? needed + 30 : q.attrs.visibilityTimeoutS;
  };
  const m: SqsMapping = {
    config,
    enabled: true,
    inflight: 0,
    concurrency: Math.min(SQS_ESM_START_CONCURRENCY, cap),
    backlogSince: null,
    pollAt: null,
    waitingSince: null,
    stop: () => {
      q.listeners.delete(wake);
      m.enabled = false;
    },
  };
  const schedulePoll = (at: number): void => {
    if (m.pollAt !== null && m.pollAt <= at) return;
    m.pollAt = at;
    hub.ctx.schedule(at, 'esm.sqs.poll', () => {
      if (m.pollAt !== at) return;
      m.pollAt = null;
      poll();
    });
  };
  const setConcurrency = (next: number): void => {
    if (next === m.concurrency) return;
    m.concurrency = next;
    hub.emit('esm.scaling.changed', { uuid: config.uuid, concurrency: next });
  };
  const start = Math.min(SQS_ESM_START_CONCURRENCY, cap);
  const poll = (): void => {
    if (!m.enabled) return;
    const now = hub.now();
    if (sqs.ops.visibleCount(q, now, 1) === 0) {
      // Nothing waiting: the mapping scales back down to its starting pollers.
      m.backlogSince = null;
      setConcurrency(start);
      return;
    }
    if (m.backlogSince !== null) {
      const minutes = Math.floor((now - m.backlogSince) / 60_000);
      setConcurrency(Math.min(cap, start + SQS_ESM_SCALE_PER_MINUTE * minutes));
    }
    while (m.inflight < m.concurrency && sqs.ops.visibleCount(q, now, 1) > 0) {
      const count = sqs.ops.visibleCount(q, now, config.batchSize);
      if (config.windowS > 0 && count < config.batchSize) {
        m.waitingSince ??= now;
        const due = m.waitingSince + config.windowS * 1000;
        if (now < due) {
          schedulePoll(due);
          return;
        }
      }
      m.waitingSince = null;
      const received = sqs.ops.receive(q, config.batchSize, now, visibilityS(), `esm:${config.uuid}`);
      if (received.length === 0) break;
      const batch = config.filter
        ? received.filter((msg) => keep(msg, config.filter as RecordFilter))
        : received;
      if (batch.length > 0) dispatch(batch);
    }
    if (sqs.ops.visibleCount(q, now, 1) > 0 && m.inflight >= m.concurrency && m.concurrency < cap) {
      // Messages are waiting for a free poller: scale up when the next minute is due.
      m.backlogSince ??= now;
      const minutes = Math.floor((now - m.backlogSince) / 60_000);
      schedulePoll(m.backlogSince + 60_000 * (minutes + 1));
    }
  };
  const recordOf = (msg: Message) =>
    sqsRecord({
      messageId: msg.id,
      receiptHandle: msg.receipt ?? '',
      body: msg.body,
      receiveCount: msg.receiveCount,
      sentTimestamp: msg.sentAt,
      firstReceiveTimestamp: msg.firstReceiveAt ?? msg.sentAt,
      senderId: 'AROAEXAMPLE',
      messageAttributes: lambdaAttributes(msg),
      queueArn: q.arn,
      region: hub.region,
      fifo:
        q.fifo && msg.sequenceNumber && msg.groupId
          ? {
              sequenceNumber: msg.sequenceNumber,
              messageGroupId: msg.groupId,
              deduplicationId: msg.dedupId ?? '',
            }
          : undefined,
    });
  /** Whether the filter lets the message through; one it refuses is deleted, as Lambda deletes it. */
  const keep = (msg: Message, filter: RecordFilter): boolean => {
    if (filter(recordOf(msg) as JsonObject)) return true;
    if (msg.receipt) sqs.ops.deleteByReceipt(q, msg.receipt, `esm:${config.uuid}:filtered`);
    return false;
  };
  const dispatch = (batch: Message[]): void => {
    m.inflight++;
    const event = { Records: batch.map(recordOf) };
    const depth = Math.max(0, ...batch.map((b) => b.depth));
    const ids = batch.map((b) => b.id);
    if (depth > 16) {
      // Recursive loop: Lambda stops invoking; the messages stay and follow the queue's redrive policy.
      hub.emit('lambda.recursion.stopped', { functionName: config.functionName, source: q.arn, depth });
      m.inflight--;
      return;
    }
    const requestId = hub.invokeSync(
      { functionName: config.functionName, payloadJson: JSON.stringify(event) },
      depth,
      (o) => {
        m.inflight--;
        const rid = o.kind === 'response' ? o.response.requestId : '';
        if (o.kind === 'refused') {
          hub.emit('esm.sqs.batch.result', {
            uuid: config.uuid,
            requestId: rid,
            outcome: 'throttled',
            failedMessageIds: ids,
          });
        } else {
          const r = o.response;
          const failed =
            r.functionError !== null
              ? null
              : config.reportBatchItemFailures
                ? failedItems(r.payloadJson, batch)
                : new Set<string>();
          const outcome = failed === null ? 'failure' : failed.size > 0 ? 'partialFailure' : 'success';
          for (const msg of batch) {
            if (failed !== null && !failed.has(msg.id) && msg.receipt)
              sqs.ops.deleteByReceipt(q, msg.receipt, `esm:${config.uuid}`);
          }
          hub.emit('esm.sqs.batch.result', {
            uuid: config.uuid,
            requestId: rid,
            outcome,
            failedMessageIds: failed === null ? ids : [...failed],
          });
        }
        schedulePoll(hub.now());
      },
    );
    if (requestId !== null)
      hub.emit('esm.sqs.batch.received', { uuid: config.uuid, requestId, messageIds: ids });
  };
  const wake = (): void => schedulePoll(hub.now());
  q.listeners.add(wake);
  schedulePoll(hub.now());
  return m;
}

/** SQS message attributes as Lambda shows them: camelCase with list fields. */
function lambdaAttributes(msg: Message): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(msg.attributes)) {
    if (!isObject(v)) continue;
    const a: { [k: string]: Json } = {};
    if (v.StringValue !== undefined) a.stringValue = v.StringValue;
    if (v.BinaryValue !== undefined) a.binaryValue = v.BinaryValue;
    a.stringListValues = [];
    a.binaryListValues = [];
    a.dataType = v.DataType ?? 'String';
    out[k] = a;
  }
  return out;
}
