/** SNS records for Lambda (facts §4.5): PascalCase keys, SigningCertUrl / UnsubscribeUrl spelling. */

import { SAM_ACCOUNT, SAM_REGION } from './defaults';
import type { JsonObject } from './deps';

export interface SnsRecordArgs {
  readonly topicArn?: string;
  readonly subscriptionId?: string;
  readonly messageId?: string;
  readonly message?: string;
  readonly subject?: string | null;
  readonly timestamp?: string;
  readonly messageAttributes?: JsonObject;
  readonly signature?: string;
  readonly region?: string;
}

export function snsRecord(a: SnsRecordArgs = {}): JsonObject {
  const region = a.region ?? SAM_REGION;
  const topicArn = a.topicArn ?? `arn:aws:sns:${region}:${SAM_ACCOUNT}:sns-lambda`;
  const subscriptionArn = `${topicArn}:${a.subscriptionId ?? '21be56ed-a058-49f5-8c98-aedd2564c486'}`;
  return {
    EventSource: 'aws:sns',
    EventVersion: '1.0',
    EventSubscriptionArn: subscriptionArn,
    Sns: {
      Type: 'Notification',
      MessageId: a.messageId ?? '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
      TopicArn: topicArn,
      Subject: a.subject === undefined ? 'TestInvoke' : a.subject,
      Message: a.message ?? 'Hello from SNS!',
      Timestamp: a.timestamp ?? '2019-01-02T12:45:07.000Z',
      SignatureVersion: '1',
      Signature: a.signature ?? 'EXAMPLE',
      SigningCertUrl: `https://sns.${region}.amazonaws.com/SimpleNotificationService-ac565b8b1a6c5d002d285f9598aa1d9b.pem`,
      UnsubscribeUrl: `https://sns.${region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
      MessageAttributes: a.messageAttributes ?? {
        Test: { Type: 'String', Value: 'TestString' },
        TestBinary: { Type: 'Binary', Value: 'TestBinary' },
      },
    },
  };
}

export function snsEvent(a: SnsRecordArgs = {}): JsonObject {
  return { Records: [snsRecord(a)] };
}
