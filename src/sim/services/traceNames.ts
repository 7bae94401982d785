/** Trace events of the simulated AWS services, added to the kernel's typed trace by declaration merging. */
export type EsmOutcome = 'success' | 'partialFailure' | 'failure' | 'throttled';

declare module '../trace' {
  interface TracePayloads {
    'aws.call': {
      service: string;
      operation: string;
      functionName: string | null;
      atMs: number;
      ok: boolean;
      errorCode: string | null;
    };
    'iam.role.created': { roleName: string; roleArn: string };
    'iam.policy.changed': {
      roleName: string;
      policy: string;
      action: 'put' | 'deleted' | 'attached' | 'detached';
    };
    'lambda.permission.added': {
      functionName: string;
      sid: string;
      principal: string;
      sourceArn: string | null;
    };
    'lambda.permission.denied': { functionName: string; principal: string; sourceArn: string };
    'lambda.recursion.stopped': { functionName: string; source: string; depth: number };
    's3.bucket.created': { bucket: string };
    's3.object.created': { bucket: string; key: string; size: number; eTag: string; atMs: number };
    's3.object.removed': { bucket: string; key: string; atMs: number };
    's3.notification.sent': { bucket: string; key: string; eventName: string; destinationArn: string };
    'sqs.queue.created': { queueName: string; queueUrl: string };
    'sqs.message.sent': { queueName: string; messageId: string; visibleAtMs: number; atMs: number };
    'sqs.message.received': { queueName: string; messageId: string; receiveCount: number; by: string };
    'sqs.message.visible': { queueName: string; messageId: string };
    'sqs.message.deleted': { queueName: string; messageId: string; by: string };
    'sqs.message.redriven': {
      queueName: string;
      messageId: string;
      deadLetterQueue: string;
      receiveCount: number;
    };
    'sqs.message.expired': { queueName: string; messageId: string };
    'sqs.message.deduplicated': { queueName: string; messageId: string };
    'esm.created': { uuid: string; eventSourceArn: string; functionName: string };
    'esm.sqs.batch.received': { uuid: string; requestId: string; messageIds: string[] };
    'esm.sqs.batch.result': {
      uuid: string;
      requestId: string;
      outcome: EsmOutcome;
      failedMessageIds: string[];
    };
    'esm.scaling.changed': { uuid: string; concurrency: number };
    'esm.stream.batch.received': {
      uuid: string;
      requestId: string;
      shardId: string;
      sequenceNumbers: string[];
      attempt: number;
    };
    'esm.stream.batch.result': { uuid: string; requestId: string; shardId: string; outcome: EsmOutcome };
    'esm.stream.record.skipped': { uuid: string; shardId: string; sequenceNumber: string; reason: string };
    'sns.topic.created': { topicArn: string };
    'sns.message.published': { topicArn: string; messageId: string; subscriptions: number };
    'sns.delivery': {
      subscriptionArn: string;
      protocol: string;
      endpoint: string;
      ok: boolean;
      reason: string;
    };
    'dynamodb.table.created': { tableName: string; streamViewType: string | null };
    'dynamodb.item.changed': { tableName: string; eventName: 'INSERT' | 'MODIFY' | 'REMOVE'; atMs: number };
    'dynamodb.stream.record': {
      streamArn: string;
      shardId: string;
      sequenceNumber: string;
      eventName: string;
    };
    'kinesis.record.put': {
      streamName: string;
      shardId: string;
      sequenceNumber: string;
      partitionKey: string;
    };
    'apigw.request': { apiId: string; stage: string; method: string; path: string; requestId: string };
    'apigw.response': { apiId: string; requestId: string; statusCode: number; reason: string };
    'apigw.ws.api.created': { apiId: string };
    'apigw.ws.connected': { apiId: string; connectionId: string };
    'apigw.ws.disconnected': { apiId: string; connectionId: string; code: number };
    'apigw.ws.frame': {
      apiId: string;
      connectionId: string;
      kind: 'push' | 'reply' | 'error';
      bytes: number;
    };
    'events.rule.fired': { ruleName: string; targets: number };
    'events.event.put': { eventBusName: string; source: string; detailType: string; matchedRules: number };
  }
}
