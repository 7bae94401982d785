import { describe, expect, it } from 'vitest';
import { createLab } from './labTestSupport';

describe('SNS filter policies', () => {
  it('deliver only the messages whose attributes (or JSON body) the policy matches', () => {
    const lab = createLab();
    const topic = String(lab.ok('sns', 'CreateTopic', { Name: 'alerts' }).TopicArn);
    const queue = (name: string) => {
      const url = String(lab.ok('sqs', 'CreateQueue', { QueueName: name }).QueueUrl);
      return { url, arn: `arn:aws:sqs:us-east-1:123456789012:${name}` };
    };
    const byAttr = queue('by-attr');
    const byBody = queue('by-body');
    lab.ok('sns', 'Subscribe', {
      TopicArn: topic,
      Protocol: 'sqs',
      Endpoint: byAttr.arn,
      Attributes: { FilterPolicy: JSON.stringify({ severity: ['high'], level: [{ numeric: ['>=', 3] }] }) },
    });
    const sub = String(
      lab.ok('sns', 'Subscribe', { TopicArn: topic, Protocol: 'sqs', Endpoint: byBody.arn }).SubscriptionArn,
    );
    lab.ok('sns', 'SetSubscriptionAttributes', {
      SubscriptionArn: sub,
      AttributeName: 'FilterPolicyScope',
      AttributeValue: 'MessageBody',
    });
    lab.ok('sns', 'SetSubscriptionAttributes', {
      SubscriptionArn: sub,
      AttributeName: 'FilterPolicy',
      AttributeValue: JSON.stringify({ kind: [{ prefix: 'order' }] }),
    });
    const attrs = (severity: string, level: number) => ({
      severity: { DataType: 'String', StringValue: severity },
      level: { DataType: 'Number', StringValue: String(level) },
    });
    lab.ok('sns', 'Publish', {
      TopicArn: topic,
      Message: '{"kind": "order.paid"}',
      MessageAttributes: attrs('high', 5),
    });
    lab.ok('sns', 'Publish', {
      TopicArn: topic,
      Message: '{"kind": "refund"}',
      MessageAttributes: attrs('high', 1),
    });
    lab.ok('sns', 'Publish', { TopicArn: topic, Message: 'plain text', MessageAttributes: attrs('low', 9) });
    lab.run();
    const bodies = (url: string) =>
      (
        (lab.ok('sqs', 'ReceiveMessage', { QueueUrl: url, MaxNumberOfMessages: 10 }).Messages ?? []) as {
          Body: string;
        }[]
      ).map((m) => JSON.parse(m.Body).Message);
    expect(bodies(byAttr.url)).toEqual(['{"kind": "order.paid"}']);
    expect(bodies(byBody.url)).toEqual(['{"kind": "order.paid"}']);
    const bad = lab.error('sns', 'SetSubscriptionAttributes', {
      SubscriptionArn: sub,
      AttributeName: 'FilterPolicy',
      AttributeValue: '{oops',
    });
    expect(bad.code).toBe('InvalidParameter');
  });
});
