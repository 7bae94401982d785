/**
 * The stream event source mapping (DynamoDB Streams and Kinesis): one batch in flight per shard, so order
 * is kept per shard; failed batches are retried (backing off, modeled) until success, MaximumRetryAttempts,
 * MaximumRecordAgeInSeconds or retention; BisectBatchOnFunctionError halves a failing batch; with
 * ReportBatchItemFailures the shard resumes from the lowest failed sequence number (facts §5.3).
 * Every record that is not processed is skipped with a traced reason.
 */

import type { RecordFilter } from './esmFilter';
import type { Hub } from './hub';
import { isObject, type Json } from './json';
import { isoTimestamp } from './kernel';
import type { Sqs } from './sqs';
import type { StreamRecord, StreamShard, StreamSource } from './streamTypes';

export interface StreamMappingConfig {
  readonly uuid: string;
  readonly functionName: string;
  readonly batchSize: number;
  readonly windowS: number;
  readonly startingPosition: 'TRIM_HORIZON' | 'LATEST';
  /** -1 means retry until the record expires. */
  readonly maximumRetryAttempts: number;
  readonly maximumRecordAgeS: number;
  readonly bisectOnError: boolean;
  readonly reportBatchItemFailures: boolean;
  readonly onFailureArn: string | null;
  /** FilterCriteria: records it refuses are skipped, never delivered. */
  readonly filter?: RecordFilter | null;
}

export interface StreamMapping {
  readonly config: StreamMappingConfig;
  stop(): void;
  /** Absolute position (next record index) per shard, for tests and visualizers. */
  positions(): Record<string, number>;
}

interface ShardState {
  readonly shard: StreamShard;
  position: number;
  inflight: boolean;
  attempts: number;
  /** Batch size limit while bisecting, until the shard passes the end of the batch that first failed. */
  limit: number | null;
  bisectEnd: number;
  pollAt: number | null;
}

export const STREAM_RETRY_BASE_MS = 1000;
export const STREAM_RETRY_MAX_MS = 60_000;

export function startStreamMapping(
  hub: Hub,
  source: StreamSource,
  config: StreamMappingConfig,
  sqs: Sqs,
): StreamMapping {
  const states = new Map<string, ShardState>();
  let stopped = false;
  const stateOf = (shard: StreamShard): ShardState => {
    let s = states.get(shard.shardId);
    if (!s) {
      s = {
        shard,
        position: config.startingPosition === 'LATEST' ? shard.trimmed + shard.records.length : shard.trimmed,
        inflight: false,
        attempts: 0,
        limit: null,
        bisectEnd: 0,
        pollAt: null,
      };
      states.set(shard.shardId, s);
    }
    return s;
  };
  for (const shard of source.shards()) stateOf(shard);

  const skip = (s: ShardState, r: StreamRecord, reason: string): void => {
    hub.emit('esm.stream.record.skipped', {
      uuid: config.uuid,
      shardId: s.shard.shardId,
      sequenceNumber: r.sequenceNumber,
      reason,
    });
  };
  const recordAt = (s: ShardState, abs: number): StreamRecord | undefined =>
    s.shard.records[abs - s.shard.trimmed];

  const schedule = (s: ShardState, at: number, background: boolean): void => {
    if (s.pollAt !== null && s.pollAt <= at) return;
    s.pollAt = at;
    hub.ctx.schedule(
      at,
      'esm.stream.poll',
      () => {
        if (s.pollAt !== at) return;
        s.pollAt = null;
        poll(s);
      },
      { background },
    );
  };

  const sendFailure = (s: ShardState, batch: readonly StreamRecord[], requestId: string): void => {
    if (!config.onFailureArn) return;
    const first = batch[0]!;
    const last = batch[batch.length - 1]!;
    const info = {
      shardId: s.shard.shardId,
      startSequenceNumber: first.sequenceNumber,
      endSequenceNumber: last.sequenceNumber,
      approximateArrivalOfFirstRecord: isoTimestamp(first.arrivalMs),
      approximateArrivalOfLastRecord: isoTimestamp(last.arrivalMs),
      batchSize: batch.length,
      streamArn: source.arn,
    };
    const body = {
      requestContext: {
        requestId,
        functionArn: `arn:aws:lambda:${hub.region}:${hub.accountId}:function:${config.functionName}`,
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: s.attempts,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: isoTimestamp(hub.now()),
      [source.kind === 'dynamodb' ? 'DDBStreamBatchInfo' : 'KinesisBatchInfo']: info,
    };
    sqs.deliver(config.onFailureArn, JSON.stringify(body), {}, hub.now(), 0);
  };

  const poll = (s: ShardState): void => {
    if (stopped || s.inflight) return;
    const now = hub.now();
    const batch: StreamRecord[] = [];
    const max = Math.min(config.batchSize, s.limit ?? config.batchSize);
    while (batch.length < max) {
      const r = recordAt(s, s.position + batch.length);
      if (!r) break;
      const expired = r.arrivalMs + source.retentionMs <= now;
      const tooOld = config.maximumRecordAgeS >= 0 && r.arrivalMs + config.maximumRecordAgeS * 1000 <= now;
      if (batch.length === 0 && (expired || tooOld)) {
        skip(s, r, expired ? 'expired' : 'maximumRecordAgeExceeded');
        s.position++;
        s.attempts = 0;
        continue;
      }
      if (config.filter && !config.filter(r.event)) {
        // A batch is a run of consecutive records: it ends here, and the next poll skips this one.
        if (batch.length > 0) break;
        skip(s, r, 'filtered');
        s.position++;
        continue;
      }
      batch.push(r);
    }
    if (batch.length === 0) return;
    if (config.windowS > 0 && batch.length < max) {
      const due = batch[0]!.arrivalMs + config.windowS * 1000;
      if (now < due) {
        schedule(s, due, false);
        return;
      }
    }
    s.inflight = true;
    const depth = Math.max(0, ...batch.map((r) => r.depth));
    const payloadJson = JSON.stringify({ Records: batch.map((r) => r.event) });
    const requestId = hub.invokeSync({ functionName: config.functionName, payloadJson }, depth, (o) => {
      s.inflight = false;
      if (stopped) return;
      const rid = o.kind === 'response' ? o.response.requestId : '';
      if (o.kind === 'refused') {
        hub.emit('esm.stream.batch.result', {
          uuid: config.uuid,
          requestId: rid,
          shardId: s.shard.shardId,
          outcome: 'throttled',
        });
        schedule(s, hub.now() + STREAM_RETRY_BASE_MS, true);
        return;
      }
      const failedAt =
        o.response.functionError !== null
          ? 0
          : config.reportBatchItemFailures
            ? firstFailed(o.response.payloadJson, batch)
            : -1;
      if (failedAt < 0) {
        hub.emit('esm.stream.batch.result', {
          uuid: config.uuid,
          requestId: rid,
          shardId: s.shard.shardId,
          outcome: 'success',
        });
        s.position += batch.length;
        s.attempts = 0;
        if (s.position >= s.bisectEnd) s.limit = null;
        schedule(s, hub.now(), false);
        return;
      }
      const partial = failedAt > 0;
      hub.emit('esm.stream.batch.result', {
        uuid: config.uuid,
        requestId: rid,
        shardId: s.shard.shardId,
        outcome: partial ? 'partialFailure' : 'failure',
      });
      // Checkpoint at the lowest failed sequence number: everything before it is done.
      s.position += failedAt;
      const remaining = batch.slice(failedAt);
      if (config.bisectOnError && !partial && remaining.length > 1) {
        if (s.limit === null) s.bisectEnd = s.position + remaining.length;
        s.limit = Math.ceil(remaining.length / 2);
        schedule(s, hub.now(), false);
        return;
      }
      s.attempts++;
      if (config.maximumRetryAttempts >= 0 && s.attempts > config.maximumRetryAttempts) {
        for (const r of remaining) skip(s, r, 'retriesExhausted');
        sendFailure(s, remaining, rid);
        s.position += remaining.length;
        s.attempts = 0;
        if (s.position >= s.bisectEnd) s.limit = null;
        schedule(s, hub.now(), false);
        return;
      }
      const delay = Math.min(STREAM_RETRY_MAX_MS, STREAM_RETRY_BASE_MS * 2 ** (s.attempts - 1));
      // Retries with the default infinite policy can run for a day; they wait on the clock, not runUntilIdle.
      schedule(s, hub.now() + delay, true);
    });
    if (requestId !== null) {
      hub.emit('esm.stream.batch.received', {
        uuid: config.uuid,
        requestId,
        shardId: s.shard.shardId,
        sequenceNumbers: batch.map((r) => r.sequenceNumber),
        attempt: s.attempts + 1,
      });
    }
  };

  const unsubscribe = source.subscribe(() => {
    for (const shard of source.shards()) schedule(stateOf(shard), hub.now(), false);
  });
  for (const s of states.values()) schedule(s, hub.now(), false);
  return {
    config,
    stop: () => {
      stopped = true;
      unsubscribe();
    },
    positions: () => Object.fromEntries([...states.values()].map((s) => [s.shard.shardId, s.position])),
  };
}

/** Index of the lowest failed record in the batch; -1 for full success; 0 for an invalid response. */
export function firstFailed(payloadJson: string, batch: readonly StreamRecord[]): number {
  let parsed: Json;
  try {
    parsed = JSON.parse(payloadJson) as Json;
  } catch {
    return 0;
  }
  if (!isObject(parsed)) return -1;
  const list = parsed.batchItemFailures;
  if (list === undefined || list === null) return -1;
  if (!Array.isArray(list)) return 0;
  let lowest = -1;
  for (const item of list) {
    const id = isObject(item) ? item.itemIdentifier : undefined;
    const i = typeof id === 'string' ? batch.findIndex((r) => r.sequenceNumber === id) : -1;
    if (i < 0) return 0;
    if (lowest < 0 || i < lowest) lowest = i;
  }
  return lowest;
}
