import { describe, expect, it } from 'vitest';
import { scheduledEvent } from './events/eventBridgeEvent';
import { utcMs } from './kernel';
import { createLab, recordingScript } from './labTestSupport';
import { nextFire, parseSchedule } from './schedule';

describe('schedule expressions', () => {
  it('parses rate() and cron() and finds the next UTC fire time', () => {
    const t0 = utcMs(2026, 3, 14, 9, 26, 53);
    expect(nextFire(parseSchedule('rate(5 minutes)'), t0, t0)).toBe(t0 + 300_000);
    expect(nextFire(parseSchedule('cron(0 12 * * ? *)'), t0, t0)).toBe(utcMs(2026, 3, 14, 12, 0));
    expect(nextFire(parseSchedule('cron(15 10 ? * MON-FRI *)'), t0, t0)).toBe(utcMs(2026, 3, 16, 10, 15));
    expect(nextFire(parseSchedule('cron(0/15 * * * ? *)'), t0, t0)).toBe(utcMs(2026, 3, 14, 9, 30));
    for (const bad of [
      'rate(1 minutes)',
      'rate(5 minute)',
      'cron(0 12 * * * *)',
      'cron(0 12 * *)',
      'every 5 minutes',
    ]) {
      expect(() => parseSchedule(bad)).toThrow('Parameter ScheduleExpression is not valid.');
    }
  });
});

describe('EventBridge rules', () => {
  it('fires a scheduled rule in virtual time with the scheduled-event shape, only with permission', () => {
    const rec = recordingScript();
    const lab = createLab(rec.script);
    lab.fn('tick', lab.role('r'));
    const arn = String(
      lab.ok('events', 'PutRule', { Name: 'every-5', ScheduleExpression: 'rate(5 minutes)' }).RuleArn,
    );
    lab.ok('events', 'PutTargets', {
      Rule: 'every-5',
      Targets: [{ Id: '1', Arn: 'arn:aws:lambda:us-east-1:123456789012:function:tick' }],
    });
    lab.advance(300_000);
    expect(rec.log).toHaveLength(0);
    expect(lab.world.trace.events.some((e) => e.name === 'lambda.permission.denied')).toBe(true);
    lab.ok('lambda', 'AddPermission', {
      FunctionName: 'tick',
      StatementId: 'ev',
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      SourceArn: arn,
    });
    lab.advance(600_000);
    expect(rec.log).toHaveLength(2);
    const e = rec.log[0]!.event;
    expect(Object.keys(e)).toEqual(Object.keys(scheduledEvent()));
    expect(e).toMatchObject({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '123456789012',
      region: 'us-east-1',
      resources: [arn],
      detail: {},
    });
    expect(String(e.time)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('routes PutEvents by pattern to an SQS target', () => {
    const lab = createLab();
    const url = String(lab.ok('sqs', 'CreateQueue', { QueueName: 'orders' }).QueueUrl);
    lab.ok('events', 'PutRule', {
      Name: 'big-orders',
      EventPattern: JSON.stringify({ source: ['shop'], detail: { total: [{ numeric: ['>', 100] }] } }),
    });
    lab.ok('events', 'PutTargets', {
      Rule: 'big-orders',
      Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:123456789012:orders' }],
    });
    const r = lab.ok('events', 'PutEvents', {
      Entries: [
        { Source: 'shop', DetailType: 'Order', Detail: JSON.stringify({ total: 150 }) },
        { Source: 'shop', DetailType: 'Order', Detail: JSON.stringify({ total: 5 }) },
        { Source: 'other', DetailType: 'Order', Detail: JSON.stringify({ total: 500 }) },
      ],
    });
    expect(r.FailedEntryCount).toBe(0);
    lab.run();
    const got = lab.ok('sqs', 'ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 }).Messages as {
      Body: string;
    }[];
    expect(got.map((m) => JSON.parse(m.Body).detail)).toEqual([{ total: 150 }]);
  });

  it('refuses a rule without schedule or pattern', () => {
    const lab = createLab();
    expect(lab.error('events', 'PutRule', { Name: 'x' }).code).toBe('ValidationException');
    expect(lab.ok('events', 'ListRules', {}).Rules).toEqual([]);
  });
});
