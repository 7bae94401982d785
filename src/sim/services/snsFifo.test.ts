/** SNS FIFO topics fanning out to SQS FIFO queues: groups and deduplication carry through. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from './json';
import { createLab, type Lab } from './labTestSupport';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:orders.fifo';
const QUEUE_URL = 'https://sqs.us-east-1.amazonaws.com/123456789012/billing.fifo';

function setup(topicAttrs: JsonObject = {}): Lab {
  const lab = createLab();
  lab.ok('sns', 'CreateTopic', { Name: 'orders.fifo', Attributes: { FifoTopic: 'true', ...topicAttrs } });
  lab.ok('sqs', 'CreateQueue', { QueueName: 'billing.fifo', Attributes: { FifoQueue: 'true' } });
  lab.ok('sns', 'Subscribe', {
    TopicArn: TOPIC,
    Protocol: 'sqs',
    Endpoint: 'arn:aws:sqs:us-east-1:123456789012:billing.fifo',
    Attributes: { RawMessageDelivery: 'true' },
  });
  return lab;
}

const publish = (lab: Lab, message: string, group: string, dedup?: string) =>
  lab.ok('sns', 'Publish', {
    TopicArn: TOPIC,
    Message: message,
    MessageGroupId: group,
    ...(dedup ? { MessageDeduplicationId: dedup } : {}),
  });

describe('SNS FIFO topics', () => {
  it('pass the message group and deduplication ID to a FIFO queue, and drop a repeat within 5 minutes', () => {
    const lab = setup();
    const first = publish(lab, 'a1', 'A', 'a1');
    expect(String(first.SequenceNumber)).toMatch(/^\d{20}$/);
    expect(publish(lab, 'a1 again', 'A', 'a1')).toEqual(first);
    publish(lab, 'b1', 'B', 'b1');
    publish(lab, 'a2', 'A', 'a2');
    lab.run();
    const got = lab.ok('sqs', 'ReceiveMessage', {
      QueueUrl: QUEUE_URL,
      MaxNumberOfMessages: 10,
      MessageSystemAttributeNames: ['MessageGroupId', 'MessageDeduplicationId'],
    }).Messages as JsonObject[];
    expect(got.map((m) => [m.Body, m.Attributes])).toEqual([
      ['a1', { MessageGroupId: 'A', MessageDeduplicationId: 'a1' }],
      ['a2', { MessageGroupId: 'A', MessageDeduplicationId: 'a2' }],
      ['b1', { MessageGroupId: 'B', MessageDeduplicationId: 'b1' }],
    ]);
  });

  it('require a message group, a deduplication ID or content-based deduplication, and FIFO queue endpoints', () => {
    const lab = setup();
    expect(lab.error('sns', 'Publish', { TopicArn: TOPIC, Message: 'x' }).message).toBe(
      'Invalid parameter: The MessageGroupId parameter is required for FIFO topics',
    );
    expect(lab.error('sns', 'Publish', { TopicArn: TOPIC, Message: 'x', MessageGroupId: 'A' }).message).toBe(
      'Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
    );
    lab.fn('worker', lab.role('worker-role', ['AWSLambdaBasicExecutionRole']));
    expect(
      lab.error('sns', 'Subscribe', {
        TopicArn: TOPIC,
        Protocol: 'lambda',
        Endpoint: 'arn:aws:lambda:us-east-1:123456789012:function:worker',
      }).message,
    ).toBe(
      'Invalid parameter: Endpoint Reason: FIFO SNS Topics currently only support FIFO SQS Queues as endpoints',
    );
    const content = createLab();
    content.ok('sns', 'CreateTopic', {
      Name: 'orders.fifo',
      Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' },
    });
    const a = content.ok('sns', 'Publish', { TopicArn: TOPIC, Message: 'same', MessageGroupId: 'A' });
    const b = content.ok('sns', 'Publish', { TopicArn: TOPIC, Message: 'same', MessageGroupId: 'B' });
    expect(b.MessageId).toBe(a.MessageId);
  });
});
