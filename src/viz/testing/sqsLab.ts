/** Test support: the sim's lab with the real SQS service, a queue with a redrive DLQ and a mapping. */
import { createLab, type Lab, recordingScript } from '../../sim/services/labTestSupport';

export interface SqsLabOptions {
  readonly batchSize?: number;
  readonly visibilityTimeoutS?: number;
  readonly maxReceiveCount?: number;
  /** Bodies the handler reports as failed items (ReportBatchItemFailures). */
  readonly poison?: readonly string[];
}

export interface SqsLab {
  readonly lab: Lab;
  send(body: string): string;
  /** Starts the event source mapping (after sending, so the first batch is full). */
  map(): void;
}

export function createSqsLab(o: SqsLabOptions = {}): SqsLab {
  const poison = new Set(o.poison ?? []);
  const rec = recordingScript((_fn, event) => {
    const recs = event.Records as { messageId: string; body: string }[];
    const failed = recs.filter((r) => poison.has(r.body)).map((r) => ({ itemIdentifier: r.messageId }));
    return { status: 'success', json: JSON.stringify({ batchItemFailures: failed }) };
  });
  const lab = createLab(rec.script);
  lab.fn('worker', lab.role('worker-role', ['AWSLambdaSQSQueueExecutionRole']));
  lab.ok('sqs', 'CreateQueue', { QueueName: 'orders-dlq' });
  const url = String(
    lab.ok('sqs', 'CreateQueue', {
      QueueName: 'orders',
      Attributes: {
        VisibilityTimeout: String(o.visibilityTimeoutS ?? 30),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:orders-dlq',
          maxReceiveCount: o.maxReceiveCount ?? 2,
        }),
      },
    }).QueueUrl,
  );
  return {
    lab,
    send: (body) => String(lab.ok('sqs', 'SendMessage', { QueueUrl: url, MessageBody: body }).MessageId),
    map() {
      lab.ok('lambda', 'CreateEventSourceMapping', {
        FunctionName: 'worker',
        EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:orders',
        BatchSize: o.batchSize ?? 10,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    },
  };
}
