/** Kinesis Data Streams: shards chosen by the MD5 hash of the partition key, 24-hour retention, the Lambda record shape. */
import { kinesisRecord } from './events/streamEvents';
import type { Hub } from './hub';
import { base64Encode, isObject, type JsonObject, optArr, optBlob, optNum, optStr, str } from './json';
import { md5Bytes } from './md5';
import type { Operation, ServiceModule } from './operation';
import { serviceError } from './serviceError';
import type { StreamShard, StreamSource } from './streamTypes';

export const KINESIS_RETENTION_MS = 24 * 3_600_000;

interface KStream extends StreamSource {
  readonly name: string;
  readonly shardList: StreamShard[];
  readonly listeners: Set<() => void>;
  readonly createdAt: number;
}

export interface Kinesis {
  readonly module: ServiceModule;
  streamSource(arn: string): StreamSource | undefined;
}

/** Which of n equal hash-key ranges the partition key's 128-bit MD5 falls into. */
export function shardIndexFor(partitionKey: string, shardCount: number): number {
  const h = md5Bytes(new TextEncoder().encode(partitionKey));
  // The top 48 bits are plenty to place a key among at most a few hundred equal ranges.
  const top = ((h[0]! * 256 + h[1]!) * 256 + h[2]!) * 16_777_216 + ((h[3]! * 256 + h[4]!) * 256 + h[5]!);
  return Math.min(shardCount - 1, Math.floor((top / 2 ** 48) * shardCount));
}

export function createKinesis(hub: Hub): Kinesis {
  const streams = new Map<string, KStream>();
  let seq = 0;
  const streamOf = (p: JsonObject): KStream => {
    const name = optStr(p, 'StreamName') ?? optStr(p, 'StreamARN')?.split('/')[1] ?? str(p, 'StreamName');
    const s = streams.get(name);
    if (!s)
      throw serviceError(
        'ResourceNotFoundException',
        `Stream ${name} under account ${hub.accountId} not found.`,
        400,
      );
    return s;
  };
  const arnOf = (p: JsonObject): string =>
    optStr(p, 'StreamARN') ?? `arn:aws:kinesis:${hub.region}:${hub.accountId}:stream/${str(p, 'StreamName')}`;

  const put = (
    s: KStream,
    data: Uint8Array,
    partitionKey: string,
    atMs: number,
    depth: number,
    role: string,
  ): JsonObject => {
    const idx = shardIndexFor(partitionKey, s.shardList.length);
    const shard = s.shardList[idx]!;
    seq++;
    const sequenceNumber = `${49590338271490256608559692538361571095921575989136588898n + BigInt(seq) * 1000n}`;
    const event = kinesisRecord({
      partitionKey,
      sequenceNumber,
      dataBase64: base64Encode(data),
      approximateArrivalTimestamp: atMs / 1000,
      shardId: shard.shardId,
      streamArn: s.arn,
      roleArn: role,
      region: hub.region,
    });
    shard.records.push({ sequenceNumber, arrivalMs: atMs, event, depth });
    hub.emit('kinesis.record.put', {
      streamName: s.name,
      shardId: shard.shardId,
      sequenceNumber,
      partitionKey,
    });
    hub.ctx.schedule(atMs, 'kinesis.put', () => {
      for (const l of s.listeners) l();
    });
    return { ShardId: shard.shardId, SequenceNumber: sequenceNumber };
  };

  const op = (action: string, run: Operation['run']): Operation => ({
    action: `kinesis:${action}`,
    resource: arnOf,
    run,
  });
  const operations: Record<string, Operation> = {
    CreateStream: op('CreateStream', (p, c) => {
      const name = str(p, 'StreamName');
      if (streams.has(name))
        throw serviceError(
          'ResourceInUseException',
          `Stream ${name} under account ${hub.accountId} already exists.`,
          400,
        );
      const count = optNum(p, 'ShardCount') ?? 1;
      if (count < 1 || count > 500)
        throw serviceError('InvalidArgumentException', `ShardCount must be between 1 and 500.`, 400);
      const listeners = new Set<() => void>();
      const shardList: StreamShard[] = Array.from({ length: count }, (_, i) => ({
        shardId: `shardId-${String(i).padStart(12, '0')}`,
        records: [],
        trimmed: 0,
      }));
      const s: KStream = {
        kind: 'kinesis',
        name,
        arn: `arn:aws:kinesis:${hub.region}:${hub.accountId}:stream/${name}`,
        retentionMs: KINESIS_RETENTION_MS,
        shardList,
        listeners,
        createdAt: c.nowMs,
        shards: () => shardList,
        subscribe(l) {
          listeners.add(l);
          return () => listeners.delete(l);
        },
      };
      streams.set(name, s);
      return {};
    }),
    DescribeStreamSummary: op('DescribeStreamSummary', (p) => {
      const s = streamOf(p);
      return {
        StreamDescriptionSummary: {
          StreamName: s.name,
          StreamARN: s.arn,
          StreamStatus: 'ACTIVE',
          OpenShardCount: s.shardList.length,
          RetentionPeriodHours: 24,
        },
      };
    }),
    ListShards: op('ListShards', (p) => ({
      Shards: streamOf(p).shardList.map((sh, i, all) => ({
        ShardId: sh.shardId,
        HashKeyRange: {
          StartingHashKey: ((2n ** 128n * BigInt(i)) / BigInt(all.length)).toString(),
          EndingHashKey: ((2n ** 128n * BigInt(i + 1)) / BigInt(all.length) - 1n).toString(),
        },
      })),
    })),
    PutRecord: op('PutRecord', (p, c) => {
      const s = streamOf(p);
      const data = optBlob(p, 'Data');
      if (!data)
        throw serviceError(
          'ValidationException',
          "1 validation error detected: Value null at 'data' failed to satisfy constraint: Member must not be null",
          400,
        );
      return put(
        s,
        data,
        str(p, 'PartitionKey'),
        c.nowMs,
        c.depth + 1,
        hub.functionRole(c.caller?.functionName ?? '') ?? '',
      );
    }),
    PutRecords: op('PutRecords', (p, c) => {
      const s = streamOf(p);
      const list = optArr(p, 'Records') ?? [];
      const out = list
        .filter(isObject)
        .map((r) =>
          put(s, optBlob(r, 'Data') ?? new Uint8Array(), str(r, 'PartitionKey'), c.nowMs, c.depth + 1, ''),
        );
      return { FailedRecordCount: 0, Records: out };
    }),
  };
  return {
    module: {
      name: 'kinesis',
      denied: { code: 'AccessDeniedException', httpStatus: 400, quoteResource: false },
      operations,
    },
    streamSource: (arn) => [...streams.values()].find((s) => s.arn === arn),
  };
}
