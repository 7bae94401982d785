import { describe, expect, it } from 'vitest';
import { filterLogEvents, logGroups } from '../readModels/worldLogs';
import { functionNames, listBuckets, listQueues, listTables, listTopics } from '../readModels/worldResources';
import {
  addBucketTrigger,
  addEventSourceTrigger,
  createBucket,
  createQueue,
  createTable,
  createTopic,
  deleteItem,
  publish,
  putItem,
  sendMessage,
  subscribe,
  UPLOAD_LIMIT_BYTES,
  uploadObject,
} from './consoleCore';
import { createConsoleTestLab, failing } from './consoleFixture';
import { bucketNameProblem, queueNameProblem } from './consoleNames';

const text = (s: string) => ({
  key: 'note.txt',
  bytes: new TextEncoder().encode(s),
  contentType: 'text/plain',
});

describe('S3 from the console', () => {
  it('uploads a file to a bucket with a trigger, and the invocation and its logs follow in virtual time', async () => {
    const t = createConsoleTestLab({ invoke: { logs: [{ offsetMs: 0, text: 'got the object' }] } });
    await t.addFunction('thumbs');
    expect(functionNames(t.lab)).toEqual(['thumbs']);
    expect((await createBucket(t, 'photos')).ok).toBe(true);
    expect((await addBucketTrigger(t, 'photos', 'thumbs', { suffix: '.txt' })).ok).toBe(true);
    const [bucket] = listBuckets(t.lab);
    expect(bucket?.notifications).toMatchObject([
      { kind: 'lambda', events: ['s3:ObjectCreated:*'], suffix: '.txt' },
    ]);

    expect((await uploadObject(t, 'photos', text('hello S3'))).ok).toBe(true);
    expect(listBuckets(t.lab)[0]?.objects).toMatchObject([
      { key: 'note.txt', size: 8, contentType: 'text/plain' },
    ]);
    // The upload only changed the world: the notification is delivered when virtual time moves.
    expect(t.invocations('thumbs')).toEqual([]);
    await t.advance(1000);
    const [requestId] = t.invocations('thumbs');
    expect(requestId).toBeDefined();

    const [group] = logGroups(t.lab);
    expect(group?.name).toBe('/aws/lambda/thumbs');
    expect(group?.streams).toHaveLength(1);
    expect(group?.streams[0]?.name).toMatch(/^2026\/11\/27\/\[\$LATEST\][0-9a-f]{32}$/);
    const lines = filterLogEvents(t.lab, { group: '/aws/lambda/thumbs', stream: null, requestId });
    const messages = lines.lines.map((l) => l.message);
    expect(messages[0]).toMatch(/^INIT_START Runtime Version: python:3\.13/);
    expect(messages).toContain('got the object');
    expect(messages.at(-1)).toMatch(new RegExp(`^REPORT RequestId: ${requestId}\\tDuration: `));
    const byText = filterLogEvents(t.lab, { group: '/aws/lambda/thumbs', stream: null, text: 'got the' });
    expect(byText.lines.map((l) => l.message)).toEqual(['got the object']);
  });

  it("keeps a timed-out request's last line with it, not with the next request in the same environment", async () => {
    const t = createConsoleTestLab({ invoke: [{ outcome: { status: 'timeout' } }, {}] });
    await t.addFunction('slow');
    const first = await t.runner.invoke({ functionName: 'slow', payloadJson: '{}' });
    const second = await t.runner.invoke({ functionName: 'slow', payloadJson: '{}' });
    const ids = [first.response?.requestId ?? '', second.response?.requestId ?? ''];
    const linesOf = (requestId: string) =>
      filterLogEvents(t.lab, { group: '/aws/lambda/slow', stream: null, requestId }).lines.map(
        (l) => l.message,
      );
    const [firstLines, secondLines] = ids.map(linesOf);
    expect(firstLines?.at(-1)).toMatch(new RegExp(`^\\S+ ${ids[0]} Task timed out after 3\\.00 seconds$`));
    // The environment was reset, so the next request starts with the re-run Init's report (facts §1.2).
    expect(secondLines?.[0]).toMatch(/^INIT_REPORT Init Duration: [\d.]+ ms\tPhase: invoke\tStatus: success/);
    expect(secondLines?.some((l) => l.includes(ids[0] ?? ''))).toBe(false);
    expect(secondLines?.at(-1)).toMatch(new RegExp(`^REPORT RequestId: ${ids[1]}\\t`));
  });

  it('explains a bad bucket name before calling S3, and passes S3 errors through', async () => {
    const t = createConsoleTestLab();
    expect(bucketNameProblem('My_Bucket')).toMatch(/uppercase/);
    expect(bucketNameProblem('a..b')).toMatch(/adjacent dots/);
    expect(bucketNameProblem('192.168.5.4')).toMatch(/IP address/);
    expect(bucketNameProblem('xn--photos')).toMatch(/reserved prefix "xn--"/);
    expect(bucketNameProblem('photos-s3alias')).toMatch(/reserved suffix/);
    const bad = await createBucket(t, 'ab');
    expect(bad).toMatchObject({ ok: false, error: 'Bucket names must be 3 to 63 characters long.' });
    expect(listBuckets(t.lab)).toEqual([]);
    await createBucket(t, 'photos');
    expect(await createBucket(t, 'photos')).toMatchObject({ ok: false, code: 'BucketAlreadyOwnedByYou' });
  });

  it('refuses a file over the lab limit and stores binary bytes exactly', async () => {
    const t = createConsoleTestLab();
    await createBucket(t, 'files');
    const big = await uploadObject(t, 'files', {
      key: 'big.bin',
      bytes: new Uint8Array(UPLOAD_LIMIT_BYTES + 1),
      contentType: '',
    });
    expect(big).toMatchObject({ ok: false });
    expect(!big.ok && big.error).toMatch(/10 MiB.*5 GB/);
    const bytes = Uint8Array.from([0, 255, 128, 7]);
    expect((await uploadObject(t, 'files', { key: 'x.bin', bytes, contentType: '' })).ok).toBe(true);
    expect(t.lab.services.s3.getObject('files', 'x.bin')?.body).toEqual(bytes);
    expect(listBuckets(t.lab)[0]?.objects).toMatchObject([
      { key: 'x.bin', size: 4, contentType: 'binary/octet-stream' },
    ]);
  });
});

describe('SQS from the console', () => {
  it('shows visible, in-flight and dead-letter counts moving as a failing consumer retries', async () => {
    const t = createConsoleTestLab({ invoke: failing() });
    await t.addFunction('worker');
    expect(queueNameProblem('jobs.fifo', false)).toMatch(/Only FIFO/);
    const q = await createQueue(t, {
      name: 'jobs',
      visibilityTimeoutS: 10,
      deadLetter: { maxReceiveCount: 2 },
    });
    expect(q.ok).toBe(true);
    const queues = () => Object.fromEntries(listQueues(t.lab).map((x) => [x.name, x]));
    expect(queues().jobs?.redrive).toEqual({ deadLetterQueue: 'jobs-dlq', maxReceiveCount: 2 });
    expect(queues()['jobs-dlq']?.deadLetterFor).toEqual(['jobs']);

    const url = queues().jobs?.url ?? '';
    const sent = await sendMessage(t, url, {
      body: '{"order": 1}',
      attributes: [{ name: 'kind', type: 'String', value: 'order' }],
    });
    expect(sent.ok).toBe(true);
    expect(queues().jobs).toMatchObject({ visible: 1, inFlight: 0 });

    expect((await addEventSourceTrigger(t, queues().jobs?.arn ?? '', 'worker', 10)).ok).toBe(true);
    expect(queues().jobs?.triggers).toMatchObject([{ functionName: 'worker', batchSize: 10 }]);
    await t.advance(2000);
    expect(queues().jobs).toMatchObject({ visible: 0, inFlight: 1 });
    // Two failed receives, then the next receive moves it to the DLQ instead of delivering it.
    await t.advance(40_000);
    expect(queues().jobs).toMatchObject({ visible: 0, inFlight: 0, redriven: 1 });
    expect(queues()['jobs-dlq']).toMatchObject({ visible: 1 });
    expect(t.invocations('worker')).toHaveLength(2);
  });

  it('explains bad message attributes and empty bodies without sending', async () => {
    const t = createConsoleTestLab();
    await createQueue(t, { name: 'jobs' });
    const url = listQueues(t.lab)[0]?.url ?? '';
    expect(await sendMessage(t, url, { body: '' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/empty/),
    });
    const bad = await sendMessage(t, url, {
      body: 'x',
      attributes: [{ name: 'n', type: 'Number', value: 'ten' }],
    });
    expect(bad).toMatchObject({ ok: false, error: 'Attribute "n" is a Number, but "ten" is not a number.' });
    const reserved = await sendMessage(t, url, {
      body: 'x',
      attributes: [{ name: 'AWS.x', type: 'String', value: '1' }],
    });
    expect(reserved).toMatchObject({ ok: false, error: expect.stringMatching(/reserved for AWS/) });
    expect(listQueues(t.lab)[0]).toMatchObject({ visible: 0 });
  });
});

describe('DynamoDB from the console', () => {
  it('puts, edits and deletes items, with JSON and service errors inline', async () => {
    const t = createConsoleTestLab();
    const created = await createTable(t, { name: 'orders', partitionKey: { name: 'id', type: 'S' } });
    expect(created.ok).toBe(true);
    expect((await putItem(t, 'orders', '{"id": {"S": "1"}, "total": {"N": "12"}}')).ok).toBe(true);
    expect((await putItem(t, 'orders', '{"id": {"S": "1"}, "total": {"N": "15"}}')).ok).toBe(true);
    const [table] = listTables(t.lab);
    expect(table).toMatchObject({ partitionKey: { name: 'id', type: 'S' }, sortKey: null, itemCount: 1 });
    expect(table?.items).toEqual([{ id: { S: '1' }, total: { N: '15' } }]);
    expect(table?.columns).toEqual(['id', 'total']);

    const syntax = await putItem(t, 'orders', '{"id": {"S": "2"},}');
    expect(syntax).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Invalid JSON at line 1, column \d+/),
    });
    const schema = await putItem(t, 'orders', '{"id": {"N": "2"}}');
    expect(schema).toMatchObject({
      ok: false,
      code: 'ValidationException',
      error: 'ValidationException: The provided key element does not match the schema',
    });
    expect(await putItem(t, 'orders', '[1]')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/JSON object/),
    });

    expect((await deleteItem(t, 'orders', { id: { S: '1' } })).ok).toBe(true);
    expect(listTables(t.lab)[0]?.items).toEqual([]);
  });
});

describe('SNS from the console', () => {
  it('publishes to a topic whose Lambda subscriber is invoked with the message', async () => {
    const seen: string[] = [];
    const t = createConsoleTestLab({
      invoke: (request) => {
        seen.push(request.eventJson);
        return {};
      },
    });
    await t.addFunction('notify');
    const topic = await createTopic(t, 'alerts');
    expect(topic.ok).toBe(true);
    const arn = String(topic.ok && topic.value.TopicArn);
    expect((await subscribe(t, arn, { protocol: 'lambda', functionName: 'notify' })).ok).toBe(true);
    expect(listTopics(t.lab)).toMatchObject([{ name: 'alerts', subscriptions: [{ protocol: 'lambda' }] }]);
    const sent = await publish(t, arn, {
      message: 'disk full',
      subject: 'ops',
      attributes: [{ name: 'severity', type: 'String', value: 'high' }],
    });
    expect(sent.ok).toBe(true);
    await t.advance(1000);
    expect(t.invocations('notify')).toHaveLength(1);
    const event = JSON.parse(seen[0] ?? '{}');
    expect(event.Records[0].Sns).toMatchObject({
      Message: 'disk full',
      Subject: 'ops',
      MessageAttributes: { severity: { Type: 'String', Value: 'high' } },
    });
  });
});
