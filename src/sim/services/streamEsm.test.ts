import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ddbRecord, kinesisRecord } from './events/streamEvents';
import type { JsonObject } from './json';
import { createLab, recordingScript } from './labTestSupport';

type Rec = {
  dynamodb?: { SequenceNumber: string; NewImage?: { n: { N: string } } };
  kinesis?: { sequenceNumber: string; partitionKey: string; data: string };
  eventID: string;
};

function tableLab(respond: Parameters<typeof recordingScript>[0], viewType = 'NEW_AND_OLD_IMAGES') {
  const rec = recordingScript(respond);
  const lab = createLab(rec.script);
  lab.fn('sink', lab.role('r', ['AWSLambdaDynamoDBExecutionRole']));
  const t = lab.ok('dynamodb', 'CreateTable', {
    TableName: 'events',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    StreamSpecification: { StreamEnabled: true, StreamViewType: viewType },
  });
  const streamArn = String((t.TableDescription as JsonObject).LatestStreamArn);
  return { lab, log: rec.log, streamArn };
}

const put = (lab: ReturnType<typeof tableLab>['lab'], id: string, n: number) =>
  lab.ok('dynamodb', 'PutItem', { TableName: 'events', Item: { id: { S: id }, n: { N: String(n) } } });

describe('DynamoDB stream mapping', () => {
  it('needs the stream permissions on the role and a starting position', () => {
    const rec = recordingScript();
    const lab = createLab(rec.script);
    lab.fn('sink', lab.role('r', ['AWSLambdaBasicExecutionRole']));
    const t = lab.ok('dynamodb', 'CreateTable', {
      TableName: 'x1x',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
    });
    const arn = String((t.TableDescription as JsonObject).LatestStreamArn);
    expect(
      lab.error('lambda', 'CreateEventSourceMapping', {
        FunctionName: 'sink',
        EventSourceArn: arn,
        StartingPosition: 'LATEST',
      }).message,
    ).toBe(
      `Cannot access stream ${arn}. Please ensure the role can perform the GetRecords, GetShardIterator, DescribeStream, and ListStreams Actions on your stream in IAM.`,
    );
  });

  it("sends INSERT, MODIFY and REMOVE records in order with the view type's images", () => {
    const { lab, log, streamArn } = tableLab(undefined);
    lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'sink',
      EventSourceArn: streamArn,
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 10,
    });
    put(lab, 'a', 1);
    put(lab, 'a', 2);
    lab.ok('dynamodb', 'DeleteItem', { TableName: 'events', Key: { id: { S: 'a' } } });
    lab.run();
    const records = log.flatMap((l) => l.event.Records as JsonObject[]);
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    expect(Object.keys(records[1]!)).toEqual(Object.keys(ddbRecord()));
    const [ins, mod, rem] = records.map((r) => r.dynamodb as JsonObject);
    expect(Object.keys(ins!)).toEqual([
      'ApproximateCreationDateTime',
      'Keys',
      'NewImage',
      'SequenceNumber',
      'SizeBytes',
      'StreamViewType',
    ]);
    expect(mod).toMatchObject({
      Keys: { id: { S: 'a' } },
      NewImage: { n: { N: '2' } },
      OldImage: { n: { N: '1' } },
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(rem).not.toHaveProperty('NewImage');
    expect(records[0]).toMatchObject({
      eventSource: 'aws:dynamodb',
      eventVersion: '1.1',
      awsRegion: 'us-east-1',
      eventSourceARN: streamArn,
    });
  });

  it('resumes from the lowest failed sequence number with ReportBatchItemFailures', () => {
    let failOnce = true;
    const { lab, log, streamArn } = tableLab((_f, event) => {
      const recs = event.Records as Rec[];
      const bad = recs.find((r) => r.dynamodb?.NewImage?.n.N === '3');
      if (bad && failOnce) {
        failOnce = false;
        return {
          status: 'success',
          json: JSON.stringify({ batchItemFailures: [{ itemIdentifier: bad.dynamodb!.SequenceNumber }] }),
        };
      }
      return { status: 'success', json: '{}' };
    });
    lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'sink',
      EventSourceArn: streamArn,
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    for (let i = 1; i <= 5; i++) put(lab, `k${i}`, i);
    lab.advance(5000);
    const batches = log.map((l) => (l.event.Records as Rec[]).map((r) => r.dynamodb!.NewImage!.n.N));
    expect(batches).toEqual([
      ['1', '2', '3', '4', '5'],
      ['3', '4', '5'],
    ]);
  });

  it('bisects a failing batch and skips a poison record after MaximumRetryAttempts, with a recorded reason', () => {
    const { lab, log, streamArn } = tableLab((_f, event) => {
      const bad = (event.Records as Rec[]).some((r) => r.dynamodb?.NewImage?.n.N === '2');
      return bad ? { status: 'error', message: 'poison' } : { status: 'success', json: 'null' };
    });
    lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'sink',
      EventSourceArn: streamArn,
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 1,
    });
    for (let i = 1; i <= 4; i++) put(lab, `k${i}`, i);
    lab.advance(60_000);
    const sizes = log.map((l) => (l.event.Records as Rec[]).map((r) => r.dynamodb!.NewImage!.n.N).join(''));
    expect(sizes).toEqual(['1234', '12', '1', '2', '2', '3', '4']);
    const skipped = lab.world.trace.events.filter((e) => e.name === 'esm.stream.record.skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ reason: 'retriesExhausted' });
  });
});

describe('Kinesis stream mapping', () => {
  it('sends the Kinesis record shape with base64 data, per shard', () => {
    const rec = recordingScript();
    const lab = createLab(rec.script);
    lab.fn('sink', lab.role('r', ['AWSLambdaKinesisExecutionRole']));
    lab.ok('kinesis', 'CreateStream', { StreamName: 'clicks', ShardCount: 1 });
    lab.ok('lambda', 'CreateEventSourceMapping', {
      FunctionName: 'sink',
      EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
      StartingPosition: 'LATEST',
    });
    lab.ok('kinesis', 'PutRecord', {
      StreamName: 'clicks',
      PartitionKey: 'u1',
      Data: 'Hello, this is a test 123.',
    });
    lab.run();
    const r = (rec.log[0]!.event.Records as JsonObject[])[0]!;
    expect(Object.keys(r)).toEqual(Object.keys(kinesisRecord()));
    expect(Object.keys(r.kinesis as object)).toEqual(Object.keys(kinesisRecord().kinesis as object));
    expect(r.kinesis).toMatchObject({
      partitionKey: 'u1',
      data: 'SGVsbG8sIHRoaXMgaXMgYSB0ZXN0IDEyMy4=',
      kinesisSchemaVersion: '1.0',
    });
    expect(r).toMatchObject({
      eventSource: 'aws:kinesis',
      eventName: 'aws:kinesis:record',
      eventSourceARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
    });
    expect(String(r.eventID)).toBe(
      `shardId-000000000000:${(r.kinesis as { sequenceNumber: string }).sequenceNumber}`,
    );
  });

  it('property: per-shard order is kept and no record is skipped without a recorded reason', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.boolean()), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: -1, max: 2 }),
        fc.boolean(),
        (puts, shards, batchSize, retries, bisect) => {
          const poison = new Set(puts.flatMap(([, bad], i) => (bad && i % 5 === 0 ? [String(i)] : [])));
          const rec = recordingScript((_f, event) => {
            const recs = event.Records as Rec[];
            const bad = recs.some((r) => poison.has(atob(r.kinesis!.data)));
            return bad ? { status: 'error', message: 'x' } : { status: 'success', json: 'null' };
          });
          const lab = createLab(rec.script, shards * 100 + batchSize);
          lab.fn('sink', lab.role('r', ['AWSLambdaKinesisExecutionRole']));
          lab.ok('kinesis', 'CreateStream', { StreamName: 's', ShardCount: shards });
          lab.ok('lambda', 'CreateEventSourceMapping', {
            FunctionName: 'sink',
            EventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/s',
            StartingPosition: 'TRIM_HORIZON',
            BatchSize: batchSize,
            MaximumRetryAttempts: retries < 0 ? -1 : retries,
            BisectBatchOnFunctionError: bisect,
            MaximumRecordAgeInSeconds: 600,
          });
          const shardOf = new Map<string, string>();
          puts.forEach(([key], i) => {
            const r = lab.ok('kinesis', 'PutRecord', { StreamName: 's', PartitionKey: key, Data: String(i) });
            shardOf.set(String(i), String(r.ShardId));
          });
          lab.advance(3_600_000);
          const successes = new Set<string>();
          const lastSeq = new Map<string, bigint>();
          for (const l of rec.log) {
            const recs = l.event.Records as Rec[];
            const ok = !recs.some((r) => poison.has(atob(r.kinesis!.data)));
            const shard = String(recs[0]!.eventID).split(':')[0]!;
            const seqs = recs.map((r) => BigInt(r.kinesis!.sequenceNumber));
            for (let i = 1; i < seqs.length; i++) expect(seqs[i]! > seqs[i - 1]!).toBe(true);
            if (ok) {
              // A successful batch never goes back before what the shard already processed.
              const prev = lastSeq.get(shard);
              if (prev !== undefined) expect(seqs[0]! > prev).toBe(true);
              lastSeq.set(shard, seqs[seqs.length - 1]!);
              for (const r of recs) successes.add(atob(r.kinesis!.data));
            }
          }
          const skipped = new Set(
            lab.world.trace.events
              .filter((e) => e.name === 'esm.stream.record.skipped')
              .map((e) => (e as { sequenceNumber: string }).sequenceNumber),
          );
          const seqOf = new Map<string, string>();
          for (const l of rec.log)
            for (const r of l.event.Records as Rec[])
              seqOf.set(atob(r.kinesis!.data), r.kinesis!.sequenceNumber);
          puts.forEach((_p, i) => {
            const id = String(i);
            const blockedBehindPoison =
              retries < 0 && [...poison].some((p) => shardOf.get(p) === shardOf.get(id) && Number(p) <= i);
            if (successes.has(id)) return;
            const seq = seqOf.get(id);
            const accounted =
              (seq !== undefined && skipped.has(seq)) || blockedBehindPoison || poison.has(id);
            expect(accounted).toBe(true);
          });
        },
      ),
      { numRuns: 30 },
    );
  });
});
