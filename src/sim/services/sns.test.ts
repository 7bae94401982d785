import { describe, expect, it } from 'vitest';
import { snsRecord } from './events/snsEvent';
import type { JsonObject } from './json';
import { createLab, recordingScript } from './labTestSupport';

describe('SNS to Lambda', () => {
  it('fans out asynchronously with the exact record shape and message attributes, only with permission', () => {
    const rec = recordingScript();
    const lab = createLab(rec.script);
    lab.fn('a', lab.role('r'));
    lab.fn('b', lab.role('r2'));
    const topic = String(lab.ok('sns', 'CreateTopic', { Name: 'alerts' }).TopicArn);
    for (const fn of ['a', 'b'])
      lab.ok('sns', 'Subscribe', {
        TopicArn: topic,
        Protocol: 'lambda',
        Endpoint: `arn:aws:lambda:us-east-1:123456789012:function:${fn}`,
      });
    lab.ok('lambda', 'AddPermission', {
      FunctionName: 'a',
      StatementId: 'sns',
      Action: 'lambda:InvokeFunction',
      Principal: 'sns.amazonaws.com',
      SourceArn: topic,
    });
    lab.ok('sns', 'Publish', {
      TopicArn: topic,
      Message: 'disk full',
      Subject: 'ops',
      MessageAttributes: { level: { DataType: 'String', StringValue: 'high' } },
    });
    lab.run();
    expect(rec.log.map((l) => l.functionName)).toEqual(['a']);
    const r = (rec.log[0]!.event.Records as JsonObject[])[0]!;
    expect(Object.keys(r)).toEqual(Object.keys(snsRecord()));
    expect(Object.keys(r.Sns as object)).toEqual(Object.keys(snsRecord().Sns as object));
    expect(r).toMatchObject({
      EventSource: 'aws:sns',
      Sns: {
        TopicArn: topic,
        Message: 'disk full',
        Subject: 'ops',
        MessageAttributes: { level: { Type: 'String', Value: 'high' } },
      },
    });
    const deliveries = lab.world.trace.events
      .filter((e) => e.name === 'sns.delivery')
      .map((e) => (e as { ok: boolean; reason: string }).reason);
    expect(deliveries).toEqual(['delivered', 'no resource-based permission for sns.amazonaws.com']);
  });
});
