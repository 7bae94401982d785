/** A DynamoDB table's stream: one shard, records in the chosen view type, 24-hour retention (facts §4.6, §5.3). */

import type { Item } from './ddbEval';
import { type DdbEventName, ddbRecord, type StreamViewType } from './events/streamEvents';
import type { Hub } from './hub';
import { type JsonObject, optStr } from './json';
import { isoTimestamp } from './kernel';
import type { ServiceModule } from './operation';
import type { StreamShard, StreamSource } from './streamTypes';

export const DDB_STREAM_RETENTION_MS = 24 * 3_600_000;

export interface TableStream extends StreamSource {
  readonly viewType: StreamViewType;
  readonly label: string;
  append(
    eventName: DdbEventName,
    keys: Item,
    newImage: Item | null,
    oldImage: Item | null,
    atMs: number,
    depth: number,
  ): void;
}

export function createTableStream(
  hub: Hub,
  tableArn: string,
  nowMs: number,
  viewType: StreamViewType,
): TableStream {
  const label = isoTimestamp(nowMs).replace(/Z$/, '');
  const arn = `${tableArn}/stream/${label}`;
  const shard: StreamShard = {
    shardId: `shardId-${String(nowMs).padStart(20, '0')}-${hub.ctx.rng.hex(8)}`,
    records: [],
    trimmed: 0,
  };
  const listeners = new Set<() => void>();
  let seq = 0;
  return {
    kind: 'dynamodb',
    arn,
    viewType,
    label,
    retentionMs: DDB_STREAM_RETENTION_MS,
    shards: () => [shard],
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    append(eventName, keys, newImage, oldImage, atMs, depth) {
      seq++;
      const sequenceNumber = `${100000000000000000000n + BigInt(seq)}`;
      const size =
        JSON.stringify(keys).length +
        JSON.stringify(newImage ?? {}).length +
        JSON.stringify(oldImage ?? {}).length;
      const event: JsonObject = ddbRecord({
        eventID: hub.ctx.rng.hex(32),
        eventName,
        eventVersion: '1.1',
        region: hub.region,
        streamArn: arn,
        keys: keys as JsonObject,
        newImage: newImage as JsonObject | null,
        oldImage: oldImage as JsonObject | null,
        approximateCreationDateTime: Math.floor(atMs / 1000),
        sequenceNumber,
        sizeBytes: size,
        viewType,
      });
      if (viewType === 'KEYS_ONLY') delete (event.dynamodb as JsonObject).NewImage;
      shard.records.push({ sequenceNumber, arrivalMs: atMs, event, depth });
      hub.emit('dynamodb.stream.record', {
        streamArn: arn,
        shardId: shard.shardId,
        sequenceNumber,
        eventName,
      });
      hub.ctx.schedule(atMs, 'dynamodb.stream.append', () => {
        for (const l of listeners) l();
      });
    },
  };
}

export function ddbStreamModule(hub: Hub, streams: () => TableStream[]): ServiceModule {
  const streamArn = (): string => `arn:aws:dynamodb:${hub.region}:${hub.accountId}:table/*/stream/*`;
  return {
    name: 'dynamodbstreams',
    denied: { code: 'AccessDeniedException', httpStatus: 400, quoteResource: false },
    operations: {
      ListStreams: {
        action: 'dynamodb:ListStreams',
        resource: streamArn,
        run: (p) => {
          const table = optStr(p, 'TableName');
          const all = streams().map((s) => ({
            StreamArn: s.arn,
            StreamLabel: s.label,
            TableName: s.arn.split('/')[1] ?? '',
          }));
          return { Streams: table === undefined ? all : all.filter((s) => s.TableName === table) };
        },
      },
    },
  };
}
