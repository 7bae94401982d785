/** Event source mappings (Lambda's CreateEventSourceMapping): validation, role checks at creation, start and stop. */
import type { DynamoDb } from './dynamodb';
import { recordFilter } from './esmFilter';
import type { Hub } from './hub';
import { isObject, type JsonObject, optArr, optBool, optNum, optObj, optStr, str, timestamp } from './json';
import type { Kinesis } from './kinesis';
import { functionNameOf } from './s3';
import { serviceError } from './serviceError';
import type { Sqs } from './sqs';
import { type SqsMapping, startSqsMapping } from './sqsEsm';
import { type StreamMapping, startStreamMapping } from './streamEsm';
import type { StreamSource } from './streamTypes';

export interface EsmRecord {
  readonly uuid: string;
  readonly functionName: string;
  readonly eventSourceArn: string;
  json: JsonObject;
  running: SqsMapping | StreamMapping;
  /** The parameters it was created or last updated with (an update merges into them). */
  params: JsonObject;
  enabled: boolean;
}

export interface EsmManager {
  create(params: JsonObject, nowMs: number): JsonObject;
  get(uuid: string): EsmRecord;
  remove(uuid: string): JsonObject;
  update(params: JsonObject, nowMs: number): JsonObject;
  list(functionName?: string, eventSourceArn?: string): EsmRecord[];
}

const SQS_ACTIONS = ['ReceiveMessage', 'DeleteMessage', 'GetQueueAttributes'];
const DDB_ACTIONS = ['GetRecords', 'GetShardIterator', 'DescribeStream', 'ListStreams'];
const KINESIS_ACTIONS = ['GetRecords', 'GetShardIterator', 'DescribeStream', 'ListShards'];

function invalid(message: string): never {
  throw serviceError('InvalidParameterValueException', message, 400);
}

export function createEsmManager(hub: Hub, sqs: Sqs, dynamodb: DynamoDb, kinesis: Kinesis): EsmManager {
  const mappings = new Map<string, EsmRecord>();

  const createStream = (
    p: JsonObject,
    source: StreamSource,
    fnName: string,
    role: string,
    nowMs: number,
    base: JsonObject,
    fixedUuid: string | undefined,
  ): EsmRecord => {
    const actions = source.kind === 'dynamodb' ? DDB_ACTIONS : KINESIS_ACTIONS;
    if (actions.some((a) => !hub.iam.isAllowed(role, `${source.kind}:${a}`, source.arn))) {
      invalid(
        `Cannot access stream ${source.arn}. Please ensure the role can perform the ${actions.slice(0, -1).join(', ')}, and ${actions[actions.length - 1]} Actions on your stream in IAM.`,
      );
    }
    const start = optStr(p, 'StartingPosition');
    if (start !== 'TRIM_HORIZON' && start !== 'LATEST') {
      invalid(
        start === undefined
          ? 'StartingPosition is required for stream event sources.'
          : `Unsupported starting position: ${start}`,
      );
    }
    const batchSize = optNum(p, 'BatchSize') ?? 100;
    if (batchSize < 1 || batchSize > 10_000) invalid(`BatchSize must be between 1 and 10000.`);
    const uuid = fixedUuid ?? hub.ctx.rng.uuid();
    const cfg = {
      uuid,
      functionName: fnName,
      filter: recordFilter(p.FilterCriteria),
      batchSize,
      windowS: optNum(p, 'MaximumBatchingWindowInSeconds') ?? 0,
      startingPosition: start,
      maximumRetryAttempts: optNum(p, 'MaximumRetryAttempts') ?? -1,
      maximumRecordAgeS: optNum(p, 'MaximumRecordAgeInSeconds') ?? -1,
      bisectOnError: optBool(p, 'BisectBatchOnFunctionError') ?? false,
      reportBatchItemFailures: (optArr(p, 'FunctionResponseTypes') ?? []).includes('ReportBatchItemFailures'),
      onFailureArn: onFailureOf(p),
    } as const;
    const running = startStreamMapping(hub, source, cfg, sqs);
    const json: JsonObject = {
      ...base,
      UUID: uuid,
      StartingPosition: start,
      BatchSize: batchSize,
      MaximumBatchingWindowInSeconds: cfg.windowS,
      ParallelizationFactor: 1,
      MaximumRecordAgeInSeconds: cfg.maximumRecordAgeS,
      BisectBatchOnFunctionError: cfg.bisectOnError,
      MaximumRetryAttempts: cfg.maximumRetryAttempts,
      LastModified: timestamp(nowMs),
    };
    if (p.FilterCriteria !== undefined) json.FilterCriteria = p.FilterCriteria;
    return {
      uuid,
      functionName: fnName,
      eventSourceArn: source.arn,
      json,
      running,
      params: p,
      enabled: true,
    };
  };

  /** Validates and starts a mapping from its parameters; throws (changing nothing) when they are refused. */
  const build = (p: JsonObject, nowMs: number, fixedUuid?: string): EsmRecord => {
    const fnName = functionNameOf(str(p, 'FunctionName'));
    const arn = str(p, 'EventSourceArn');
    const fn = hub.world.getFunction(fnName);
    if (!fn.ok) throw serviceError('ResourceNotFoundException', fn.error.message, 404);
    const role = fn.value.role;
    const responseTypes = optArr(p, 'FunctionResponseTypes') ?? [];
    const base: JsonObject = {
      EventSourceArn: arn,
      FunctionArn: fn.value.functionArn,
      State: 'Creating',
      StateTransitionReason: 'USER_INITIATED',
      FunctionResponseTypes: responseTypes,
    };
    let rec: EsmRecord;
    if (arn.startsWith('arn:aws:sqs:')) {
      const q = sqs.queueByArn(arn);
      if (!q) {
        invalid(
          'Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist or you do not have access to it.',
        );
      }
      const missing = SQS_ACTIONS.find((a) => !hub.iam.isAllowed(role, `sqs:${a}`, arn));
      if (missing) invalid(`The provided execution role does not have permissions to call ${missing} on SQS`);
      const batchSize = optNum(p, 'BatchSize') ?? 10;
      const windowS = optNum(p, 'MaximumBatchingWindowInSeconds') ?? 0;
      const maxBatch = q.fifo ? 10 : 10_000;
      if (batchSize < 1 || batchSize > maxBatch) invalid(`BatchSize must be between 1 and ${maxBatch}.`);
      if (batchSize > 10 && windowS < 1) {
        invalid(
          'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
        );
      }
      if (windowS < 0 || windowS > 300) invalid('MaximumBatchingWindowInSeconds must be between 0 and 300.');
      if (q.fifo && windowS > 0) invalid('Batching window is not supported for FIFO queues.');
      const scaling = optObj(p, 'ScalingConfig');
      const maxConc = scaling ? optNum(scaling, 'MaximumConcurrency') : undefined;
      if (maxConc !== undefined && (maxConc < 2 || maxConc > 1000)) {
        throw serviceError(
          'ValidationException',
          `1 validation error detected: Value '${maxConc}' at 'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value ${maxConc < 2 ? 'greater than or equal to 2' : 'less than or equal to 1000'}`,
          400,
        );
      }
      const uuid = fixedUuid ?? hub.ctx.rng.uuid();
      const running = startSqsMapping(hub, sqs, {
        uuid,
        functionName: fnName,
        queue: q,
        batchSize,
        windowS,
        reportBatchItemFailures: responseTypes.includes('ReportBatchItemFailures'),
        filter: recordFilter(p.FilterCriteria),
        maximumConcurrency: maxConc ?? null,
        functionTimeoutS: fn.value.timeout,
      });
      const json: JsonObject = {
        ...base,
        UUID: uuid,
        BatchSize: batchSize,
        MaximumBatchingWindowInSeconds: windowS,
        LastModified: timestamp(nowMs),
      };
      if (maxConc !== undefined) json.ScalingConfig = { MaximumConcurrency: maxConc };
      if (p.FilterCriteria !== undefined) json.FilterCriteria = p.FilterCriteria;
      rec = { uuid, functionName: fnName, eventSourceArn: arn, json, running, params: p, enabled: true };
    } else {
      const source = dynamodb.streamSource(arn) ?? kinesis.streamSource(arn);
      if (!source) invalid(`Stream not found: ${arn}`);
      rec = createStream(p, source, fnName, role, nowMs, base, fixedUuid);
    }
    return rec;
  };

  return {
    create(p, nowMs) {
      const rec = build(p, nowMs);
      if (optBool(p, 'Enabled') === false) {
        rec.running.stop();
        rec.enabled = false;
      }
      const arn = rec.eventSourceArn;
      const fnName = rec.functionName;
      mappings.set(rec.uuid, rec);
      hub.emit('esm.created', { uuid: rec.uuid, eventSourceArn: arn, functionName: fnName });
      return rec.json;
    },
    update: (p, nowMs) => updateMapping(mappings, build, p, nowMs),
    get(uuid) {
      const r = mappings.get(uuid);
      if (!r)
        throw serviceError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
      return r;
    },
    remove(uuid) {
      const r = mappings.get(uuid);
      if (!r)
        throw serviceError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
      r.running.stop();
      mappings.delete(uuid);
      return { ...r.json, State: 'Deleting' };
    },
    list: (functionName, eventSourceArn) =>
      [...mappings.values()].filter(
        (m) =>
          (!functionName || m.functionName === functionNameOf(functionName)) &&
          (!eventSourceArn || m.eventSourceArn === eventSourceArn),
      ),
  };
}

function onFailureOf(p: JsonObject): string | null {
  const dest = optObj(p, 'DestinationConfig');
  const onFailure = dest && isObject(dest.OnFailure) ? dest.OnFailure : undefined;
  return onFailure ? (optStr(onFailure, 'Destination') ?? null) : null;
}

/** What UpdateEventSourceMapping may change (StartingPosition and the source cannot change). */
const UPDATABLE = [
  'FunctionName',
  'BatchSize',
  'MaximumBatchingWindowInSeconds',
  'FilterCriteria',
  'FunctionResponseTypes',
  'ScalingConfig',
  'MaximumRetryAttempts',
  'MaximumRecordAgeInSeconds',
  'BisectBatchOnFunctionError',
  'DestinationConfig',
] as const;

/**
 * UpdateEventSourceMapping. An SQS mapping is rebuilt from the merged parameters (its pollers restart;
 * messages in flight keep their receipts). A stream mapping keeps its shard positions: its settings
 * change in place. Refused parameters change nothing.
 */
function updateMapping(
  mappings: Map<string, EsmRecord>,
  build: (p: JsonObject, nowMs: number, uuid?: string) => EsmRecord,
  p: JsonObject,
  nowMs: number,
): JsonObject {
  const rec = mappings.get(str(p, 'UUID'));
  if (!rec)
    throw serviceError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
  const patch: JsonObject = {};
  for (const key of UPDATABLE) if (p[key] !== undefined && p[key] !== null) patch[key] = p[key];
  const merged: JsonObject = { ...rec.params, ...patch };
  const enabled = optBool(p, 'Enabled') ?? rec.enabled;
  if (rec.eventSourceArn.startsWith('arn:aws:sqs:')) {
    const next = build(merged, nowMs, rec.uuid);
    rec.running.stop();
    if (!enabled) next.running.stop();
    Object.assign(rec, { json: next.json, running: next.running, params: merged, enabled });
  } else {
    if (patch.FunctionName !== undefined && functionNameOf(str(patch, 'FunctionName')) !== rec.functionName)
      invalid('The lab does not move a stream mapping to another function: delete it and create a new one.');
    if (!rec.enabled && enabled)
      invalid('The lab cannot resume a disabled stream mapping: delete it and create a new one.');
    const batchSize = optNum(merged, 'BatchSize') ?? 100;
    if (batchSize < 1 || batchSize > 10_000) invalid('BatchSize must be between 1 and 10000.');
    const windowS = optNum(merged, 'MaximumBatchingWindowInSeconds') ?? 0;
    if (windowS < 0 || windowS > 300) invalid('MaximumBatchingWindowInSeconds must be between 0 and 300.');
    // The running mapping reads its settings on every poll, so changing them takes effect at the next one.
    Object.assign(rec.running.config, {
      batchSize,
      windowS,
      filter: recordFilter(merged.FilterCriteria),
      maximumRetryAttempts: optNum(merged, 'MaximumRetryAttempts') ?? -1,
      maximumRecordAgeS: optNum(merged, 'MaximumRecordAgeInSeconds') ?? -1,
      bisectOnError: optBool(merged, 'BisectBatchOnFunctionError') ?? false,
      reportBatchItemFailures: (optArr(merged, 'FunctionResponseTypes') ?? []).includes(
        'ReportBatchItemFailures',
      ),
      onFailureArn: onFailureOf(merged),
    });
    if (!enabled && rec.enabled) rec.running.stop();
    const json: JsonObject = { ...rec.json, BatchSize: batchSize, MaximumBatchingWindowInSeconds: windowS };
    for (const key of [
      'MaximumRetryAttempts',
      'MaximumRecordAgeInSeconds',
      'BisectBatchOnFunctionError',
    ] as const)
      if (patch[key] !== undefined) json[key] = patch[key];
    if (merged.FilterCriteria !== undefined) json.FilterCriteria = merged.FilterCriteria;
    if (patch.FunctionResponseTypes !== undefined) json.FunctionResponseTypes = patch.FunctionResponseTypes;
    Object.assign(rec, { json, params: merged, enabled });
  }
  rec.json = { ...rec.json, LastModified: timestamp(nowMs) };
  return { ...rec.json, State: 'Updating' };
}

/** The State that Get and List report. */
export const stateOf = (rec: EsmRecord): string => (rec.enabled ? 'Enabled' : 'Disabled');
