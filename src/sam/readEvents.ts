/**
 * A function's Events: each becomes a workspace trigger where the draft can express it (so the console's
 * deploy builds it), an event source mapping of its own where it cannot (Kinesis, extra properties), or a
 * route of an API; anything else is a warning.
 */
import type { JsonObject } from '../sim/services/json';
import { HTTP_METHODS, S3_EVENT_TYPES, type TriggerSpec } from '../store/draftSchema';
import { nameFromArn, type SamWarning } from './samApp';
import { isObject, type TObject, type TValue } from './templateFile';

export interface EventsOut {
  readonly triggers: TriggerSpec[];
  readonly mappings: { triggerId: string; params: JsonObject }[];
  readonly snsFilters: Record<string, { policy: string; scope: string | null }>;
  /** Routes by API logical id (implicit APIs are ServerlessRestApi and ServerlessHttpApi). */
  readonly routes: { api: string; type: 'REST' | 'HTTP'; method: string; path: string }[];
  /** Managed policies SAM adds to the generated role for polling sources. */
  readonly pollPolicies: Set<string>;
  readonly warnings: SamWarning[];
}

const str = (v: TValue | undefined): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
const num = (v: TValue | undefined): number | undefined =>
  typeof v === 'number'
    ? v
    : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))
      ? Number(v)
      : undefined;
const only = (props: TObject, keys: readonly string[]) => Object.keys(props).every((k) => keys.includes(k));

export function readEvents(
  functionName: string,
  logicalId: string,
  events: TObject,
  apiIdToLogical: (id: string) => string | undefined,
  apiOf: (api: string, type: 'REST' | 'HTTP') => { readonly name: string; readonly stage: string },
): EventsOut {
  const out: EventsOut = {
    triggers: [],
    mappings: [],
    snsFilters: {},
    routes: [],
    pollPolicies: new Set(),
    warnings: [],
  };
  const warn = (subject: string, message: string) =>
    out.warnings.push({ subject, logicalIds: [logicalId], message });
  for (const [eventId, spec] of Object.entries(events)) {
    if (!isObject(spec)) continue;
    const type = str(spec.Type) ?? '';
    const p = isObject(spec.Properties) ? spec.Properties : {};
    const id = eventId.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 64) || 'event';
    // A disabled mapping is built disabled (CreateEventSourceMapping takes Enabled); a disabled rule is not.
    const disabled = p.Enabled === false || p.Enabled === 'false' || p.State === 'DISABLED';
    if (disabled && !['SQS', 'DynamoDB', 'Kinesis'].includes(type))
      warn('disabled event', `${eventId}: a disabled ${type} event is not simulated; it is built enabled.`);
    const mapping = (source: string, props: TObject) => {
      const params: JsonObject = { FunctionName: functionName, EventSourceArn: source };
      for (const [k, v] of Object.entries(props)) if (!['Stream', 'Queue'].includes(k)) params[k] = v;
      out.mappings.push({ triggerId: id, params });
    };
    switch (type) {
      case 'Api':
      case 'HttpApi': {
        const method = (str(p.Method) ?? (type === 'HttpApi' ? 'ANY' : '')).toUpperCase();
        const path = str(p.Path) ?? (type === 'HttpApi' ? '/{proxy+}' : '');
        const apiRef = str(type === 'Api' ? p.RestApiId : p.ApiId);
        const api =
          (apiRef && apiIdToLogical(apiRef)) ?? (type === 'Api' ? 'ServerlessRestApi' : 'ServerlessHttpApi');
        if (!(HTTP_METHODS as readonly string[]).includes(method) || !path.startsWith('/')) {
          warn(
            `${type} event`,
            `${eventId}: method ${method || '(none)'} ${path} is not simulated (the lab routes ${HTTP_METHODS.join(', ')}).`,
          );
          break;
        }
        const apiType = type === 'Api' ? 'REST' : 'HTTP';
        out.routes.push({ api, type: apiType, method, path });
        const { name: apiName, stage } = apiOf(api, apiType);
        out.triggers.push({
          kind: 'apigateway',
          id,
          apiType,
          apiName,
          method: method as (typeof HTTP_METHODS)[number],
          path,
          stage,
        });
        break;
      }
      case 'S3': {
        const bucket = str(p.Bucket);
        const list = Array.isArray(p.Events) ? p.Events.map(String) : [str(p.Events) ?? ''];
        const known = list.filter((e): e is (typeof S3_EVENT_TYPES)[number] =>
          (S3_EVENT_TYPES as readonly string[]).includes(e),
        );
        if (!bucket || known.length === 0) {
          warn(
            'S3 event',
            `${eventId}: events ${list.join(', ')} are not simulated (the lab has ${S3_EVENT_TYPES.join(', ')}).`,
          );
          break;
        }
        if (known.length < list.length)
          warn(
            'S3 event',
            `${eventId}: ${list.filter((e) => !known.includes(e as never)).join(', ')} left out.`,
          );
        const rules =
          isObject(p.Filter) && isObject(p.Filter.S3Key) && Array.isArray(p.Filter.S3Key.Rules)
            ? p.Filter.S3Key.Rules
            : [];
        const rule = (name: string) => {
          const r = rules.find((x) => isObject(x) && String(x.Name).toLowerCase() === name);
          return isObject(r) ? (str(r.Value) ?? '') : '';
        };
        out.triggers.push({
          kind: 's3',
          id,
          bucket,
          events: known,
          prefix: rule('prefix'),
          suffix: rule('suffix'),
        });
        break;
      }
      case 'SQS': {
        const queue = str(p.Queue) ?? '';
        out.pollPolicies.add('AWSLambdaSQSQueueExecutionRole');
        const types = Array.isArray(p.FunctionResponseTypes) ? p.FunctionResponseTypes.map(String) : [];
        if (only(p, ['Queue', 'BatchSize', 'MaximumBatchingWindowInSeconds', 'FunctionResponseTypes']))
          out.triggers.push({
            kind: 'sqs',
            id,
            queue: nameFromArn(queue),
            batchSize: num(p.BatchSize) ?? 10,
            batchWindowS: num(p.MaximumBatchingWindowInSeconds) ?? 0,
            reportBatchItemFailures: types.includes('ReportBatchItemFailures'),
          });
        else mapping(queue, p);
        break;
      }
      case 'DynamoDB':
      case 'Kinesis': {
        const stream = str(p.Stream) ?? '';
        out.pollPolicies.add(
          type === 'DynamoDB' ? 'AWSLambdaDynamoDBExecutionRole' : 'AWSLambdaKinesisExecutionRole',
        );
        const position = str(p.StartingPosition) ?? 'LATEST';
        if (
          type === 'DynamoDB' &&
          only(p, ['Stream', 'StartingPosition', 'BatchSize']) &&
          (position === 'LATEST' || position === 'TRIM_HORIZON')
        )
          out.triggers.push({
            kind: 'dynamodb',
            id,
            table: nameFromArn(stream),
            startingPosition: position,
            batchSize: num(p.BatchSize) ?? 100,
          });
        else mapping(stream, { ...p, StartingPosition: position });
        break;
      }
      case 'SNS': {
        const topic = str(p.Topic) ?? '';
        const extra = Object.keys(p).filter(
          (k) => !['Topic', 'FilterPolicy', 'FilterPolicyScope'].includes(k),
        );
        if (extra.length > 0) warn('SNS event', `${eventId}: ${extra.join(', ')} not simulated.`);
        if (p.FilterPolicy !== undefined)
          out.snsFilters[id] = {
            policy: JSON.stringify(p.FilterPolicy),
            scope: str(p.FilterPolicyScope) ?? null,
          };
        out.triggers.push({ kind: 'sns', id, topic: nameFromArn(topic) });
        break;
      }
      case 'Schedule':
      case 'EventBridgeRule':
      case 'CloudWatchEvent': {
        const schedule = type === 'Schedule';
        const ruleName = str(schedule ? p.Name : p.RuleName) ?? `${functionName}-${id}`.slice(0, 64);
        const extra = Object.keys(p).filter(
          (k) => !['Schedule', 'Pattern', 'Name', 'RuleName', 'Enabled', 'State'].includes(k),
        );
        if (extra.length > 0) warn(`${type} event`, `${eventId}: ${extra.join(', ')} not simulated.`);
        out.triggers.push({
          kind: 'eventbridge',
          id,
          ruleName,
          mode: schedule ? 'schedule' : 'pattern',
          schedule: schedule ? (str(p.Schedule) ?? '') : '',
          eventPattern: schedule ? '' : JSON.stringify(p.Pattern ?? {}),
        });
        break;
      }
      default:
        warn(`${type} event`, `${eventId}: events of type ${type} are not simulated.`);
    }
  }
  return out;
}
