/** The shape shared by DynamoDB Streams and Kinesis for the stream event source mapping. */
import type { JsonObject } from './json';

export interface StreamRecord {
  readonly sequenceNumber: string;
  readonly arrivalMs: number;
  /** The record exactly as it appears in the Lambda event's `Records`. */
  readonly event: JsonObject;
  readonly depth: number;
}

export interface StreamShard {
  readonly shardId: string;
  /** Append-only; records older than the retention period are trimmed from the front. */
  readonly records: StreamRecord[];
  /** How many records have ever been trimmed (so positions stay absolute). */
  trimmed: number;
}

export interface StreamSource {
  readonly kind: 'dynamodb' | 'kinesis';
  readonly arn: string;
  readonly retentionMs: number;
  shards(): readonly StreamShard[];
  /** Called whenever a record is appended to any shard. */
  subscribe(listener: () => void): () => void;
}

/** Trim records past retention; returns how many were trimmed. */
export function trimShard(shard: StreamShard, nowMs: number, retentionMs: number): number {
  let n = 0;
  while (shard.records.length > 0 && shard.records[0]!.arrivalMs + retentionMs <= nowMs) {
    shard.records.shift();
    n++;
  }
  shard.trimmed += n;
  return n;
}
