/**
 * Sample events for every trigger, named as `sam local generate-event` names them (SOURCE KIND), built by
 * the simulation's own event builders so a template and a real trigger's event have the same shape.
 */
import {
  apiGatewayV1Event,
  apiGatewayV2Event,
  ddbStreamEvent,
  kinesisEvent,
  s3DeleteEvent,
  s3PutEvent,
  scheduledEvent,
  snsEvent,
  sqsEvent,
  webSocketEvent,
} from '../sim/services/events';

export interface TemplateOption {
  readonly name: string;
  readonly description: string;
  readonly default: string;
}

export interface EventTemplate {
  readonly source: string;
  readonly kind: string;
  readonly title: string;
  readonly options: readonly TemplateOption[];
  build(options: Readonly<Record<string, string>>): unknown;
}

const opt = (name: string, description: string, fallback: string): TemplateOption => ({
  name,
  description,
  default: fallback,
});

export const EVENT_TEMPLATES: readonly EventTemplate[] = [
  {
    source: 'apigateway',
    kind: 'aws-proxy',
    title: 'API Gateway REST API (proxy, payload 1.0)',
    options: [
      opt('method', 'HTTP method', 'POST'),
      opt('path', 'request path', '/path/to/resource'),
      opt('body', 'request body', '{"test":"body"}'),
      opt('stage', 'stage name', 'prod'),
    ],
    build: (o) =>
      apiGatewayV1Event({
        method: o.method,
        path: o.path,
        body: o.body,
        stage: o.stage,
        resource: '/{proxy+}',
      }),
  },
  {
    source: 'apigateway',
    kind: 'http-api-proxy',
    title: 'API Gateway HTTP API (payload 2.0)',
    options: [
      opt('method', 'HTTP method', 'POST'),
      opt('path', 'request path', '/my/path'),
      opt('body', 'request body', 'Hello from Lambda'),
    ],
    build: (o) => apiGatewayV2Event({ method: o.method, path: o.path, body: o.body }),
  },
  {
    source: 'apigateway',
    kind: 'websocket-connect',
    title: 'API Gateway WebSocket $connect',
    options: [opt('query', 'query string of the handshake', 'token=abc')],
    build: (o) =>
      webSocketEvent({ eventType: 'CONNECT', query: Object.fromEntries(new URLSearchParams(o.query ?? '')) }),
  },
  {
    source: 'apigateway',
    kind: 'websocket-message',
    title: 'API Gateway WebSocket message (route by body.action)',
    options: [
      opt('route', 'route key the body selected', 'sendmessage'),
      opt('body', 'message body', '{"action":"sendmessage","message":"hello"}'),
    ],
    build: (o) => webSocketEvent({ eventType: 'MESSAGE', routeKey: o.route, body: o.body }),
  },
  {
    source: 's3',
    kind: 'put',
    title: 'S3 object created (ObjectCreated:Put)',
    options: [
      opt('bucket', 'bucket name', 'example-bucket'),
      opt('key', 'object key', 'test/key'),
      opt('size', 'object size in bytes', '1024'),
    ],
    build: (o) => s3PutEvent({ bucket: o.bucket, key: o.key, size: Number(o.size) }),
  },
  {
    source: 's3',
    kind: 'delete',
    title: 'S3 object removed (ObjectRemoved:Delete)',
    options: [opt('bucket', 'bucket name', 'example-bucket'), opt('key', 'object key', 'test/key')],
    build: (o) => s3DeleteEvent({ bucket: o.bucket, key: o.key }),
  },
  {
    source: 'sqs',
    kind: 'receive-message',
    title: 'SQS batch (event source mapping)',
    options: [opt('body', 'message body', 'Hello from SQS!'), opt('queue', 'queue name', 'my-queue')],
    build: (o) => sqsEvent([{ body: o.body, queueArn: `arn:aws:sqs:us-east-1:123456789012:${o.queue}` }]),
  },
  {
    source: 'sns',
    kind: 'notification',
    title: 'SNS notification',
    options: [opt('message', 'message text', 'Hello from SNS!'), opt('subject', 'subject', 'TestInvoke')],
    build: (o) => snsEvent({ message: o.message, subject: o.subject }),
  },
  {
    source: 'dynamodb',
    kind: 'update',
    title: 'DynamoDB Streams (INSERT, MODIFY, REMOVE)',
    options: [],
    build: () => ddbStreamEvent(),
  },
  {
    source: 'kinesis',
    kind: 'get-records',
    title: 'Kinesis Data Streams records',
    options: [
      opt('data', 'record data (base64-encoded in the event)', 'Hello, this is a test 123.'),
      opt('partition', 'partition key', 'partitionKey-03'),
    ],
    build: (o) => kinesisEvent([{ data: o.data, partitionKey: o.partition }]),
  },
  {
    source: 'cloudwatch',
    kind: 'scheduled-event',
    title: 'EventBridge scheduled event',
    options: [opt('rule', 'rule name', 'ExampleRule')],
    build: (o) => scheduledEvent({ ruleName: o.rule }),
  },
];

export function findTemplate(source: string, kind: string): EventTemplate | undefined {
  return EVENT_TEMPLATES.find((t) => t.source === source && t.kind === kind);
}

/** Builds a template's event with defaults for every option not given; unknown options are refused. */
export function buildTemplate(
  template: EventTemplate,
  given: Readonly<Record<string, string>> = {},
): unknown {
  for (const name of Object.keys(given)) {
    if (!template.options.some((o) => o.name === name)) {
      const known = template.options.map((o) => `--${o.name}`).join(', ') || 'none';
      throw new Error(`${template.source} ${template.kind} has no option --${name} (options: ${known}).`);
    }
  }
  const options = Object.fromEntries(template.options.map((o) => [o.name, given[o.name] ?? o.default]));
  return template.build(options);
}
