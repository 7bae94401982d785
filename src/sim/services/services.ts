/**
 * createAwsServices: IAM, S3, SQS, SNS, DynamoDB (+ Streams), Kinesis, Lambda's own API, API Gateway,
 * EventBridge, Secrets Manager and SSM, registered into one world. `handleAwsCall(world, ...)` finds them.
 */
import { type ApiGateway, createApiGateway } from './apiGateway';
import { type ApiGatewayWs, createApiGatewayWs } from './apiGatewayWs';
import { createDynamoDb, type DynamoDb } from './dynamodb';
import { createEsmManager, type EsmManager } from './esm';
import { createEventBridge, type EventBridge } from './eventBridge';
import { createFunctionUrls, type FunctionUrls } from './functionUrls';
import { createHub, type Hub } from './hub';
import { createIam, type Iam } from './iam';
import { iamModule, stsModule } from './iamApi';
import { ACCOUNT_ID_DEFAULT, REGION_DEFAULT, type ServiceContext, type World } from './kernel';
import { createKinesis, type Kinesis } from './kinesis';
import { lambdaModule } from './lambdaApi';
import type { PendingResult, ServiceModule } from './operation';
import { createS3, type S3 } from './s3';
import { createSecrets, type Secrets } from './secrets';
import { createSns, type Sns } from './sns';
import { createSqs, type Sqs } from './sqs';

export interface AwsServicesOptions {
  readonly region?: string;
  readonly accountId?: string;
}

export interface AwsServices {
  readonly hub: Hub;
  readonly iam: Iam;
  readonly s3: S3;
  readonly sqs: Sqs;
  readonly sns: Sns;
  readonly dynamodb: DynamoDb;
  readonly kinesis: Kinesis;
  readonly esm: EsmManager;
  readonly functionUrls: FunctionUrls;
  readonly apigateway: ApiGateway;
  readonly websocket: ApiGatewayWs;
  readonly events: EventBridge;
  readonly secrets: Secrets;
  readonly modules: ReadonlyMap<string, ServiceModule>;
  readonly pending: Map<string, PendingResult>;
  nextToken(): number;
}

const registry = new WeakMap<World, AwsServices>();

export function getServices(world: World): AwsServices {
  const s = registry.get(world);
  if (!s) throw new Error('createAwsServices(world) has not been called for this world');
  return s;
}

export function createAwsServices(world: World, options: AwsServicesOptions = {}): AwsServices {
  const existing = registry.get(world);
  if (existing) return existing;
  let ctx: ServiceContext | null = null;
  world.registerService({
    name: 'aws',
    attach: (c) => {
      ctx = c;
    },
  });
  if (!ctx) throw new Error('world.registerService did not attach');
  const region = options.region ?? REGION_DEFAULT;
  const accountId = options.accountId ?? ACCOUNT_ID_DEFAULT;
  const iam = createIam(accountId);
  const hub = createHub(world, ctx, iam, region, accountId);
  const sqs = createSqs(hub);
  const sns = createSns(hub, sqs);
  const s3 = createS3(hub, sqs, sns);
  const dynamodb = createDynamoDb(hub);
  const kinesis = createKinesis(hub);
  const esm = createEsmManager(hub, sqs, dynamodb, kinesis);
  const functionUrls = createFunctionUrls(hub);
  const apigateway = createApiGateway(hub);
  const websocket = createApiGatewayWs(hub);
  const events = createEventBridge(hub, sqs, sns);
  const secrets = createSecrets(hub);
  world.addDestinationSink(sqs.destinationSink);
  world.addDestinationSink(sns.destinationSink);
  const list: ServiceModule[] = [
    iamModule(hub),
    stsModule(hub),
    s3.module,
    sqs.module,
    sns.module,
    dynamodb.module,
    dynamodb.streamsModule,
    kinesis.module,
    lambdaModule(hub, esm, functionUrls.operations),
    apigateway.module,
    websocket.module,
    websocket.managementModule,
    events.module,
    secrets.secretsModule,
    secrets.ssmModule,
  ];
  let token = 0;
  const services: AwsServices = {
    hub,
    iam,
    s3,
    sqs,
    sns,
    dynamodb,
    kinesis,
    esm,
    functionUrls,
    apigateway,
    websocket,
    events,
    secrets,
    modules: new Map(list.map((m) => [m.name, m])),
    pending: new Map(),
    nextToken: () => ++token,
  };
  registry.set(world, services);
  return services;
}
