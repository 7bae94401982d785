/** SNS: topics, Lambda and SQS subscriptions, fan-out with message attributes, asynchronous Lambda delivery. */
import { snsRecord } from './events/snsEvent';
import type { Hub } from './hub';
import { isObject, type JsonObject, optStr, str } from './json';
import { type DestinationSink, isoTimestamp } from './kernel';
import type { Operation, ServiceModule } from './operation';
import { functionNameOf } from './s3';
import { serviceError } from './serviceError';
import { sha256Hex } from './sha256';
import { type SnsFilter, snsFilter } from './snsFilter';
import type { Sqs } from './sqs';
import { FIFO_DEDUP_INTERVAL_MS } from './sqsQueue';

interface Subscription {
  readonly arn: string;
  readonly protocol: 'lambda' | 'sqs';
  readonly endpoint: string;
  raw: boolean;
  /** FilterPolicy and FilterPolicyScope as set, and the filter they make (null: every message). */
  policy: string | null;
  scope: string;
  filter: SnsFilter | null;
}

interface Topic {
  readonly name: string;
  readonly arn: string;
  readonly subs: Subscription[];
  /** FIFO topics (name ends in .fifo): ordered per message group, deduplicated for 5 minutes. */
  readonly fifo: {
    contentBasedDedup: boolean;
    readonly seen: Map<string, { atMs: number; messageId: string; seq: string }>;
    nextSeq: number;
  } | null;
}

/** The message group and deduplication ID of a FIFO publish, passed on to FIFO queues. */
interface FifoPublish {
  readonly groupId: string;
  readonly dedupId: string;
}

export interface Sns {
  readonly module: ServiceModule;
  readonly destinationSink: DestinationSink;
  exists(arn: string): boolean;
  /** A service publishes (S3 notifications, destinations): the topic fans out as for Publish. */
  deliverFromService(topicArn: string, message: string, atMs: number, depth: number): void;
}

export function createSns(hub: Hub, sqs: Sqs): Sns {
  const topics = new Map<string, Topic>();
  const topicOf = (arn: string): Topic => {
    const t = topics.get(arn);
    if (!t) throw serviceError('NotFound', 'Topic does not exist', 404);
    return t;
  };

  const fanOut = (
    t: Topic,
    message: string,
    subject: string | null,
    attributes: JsonObject,
    atMs: number,
    depth: number,
    fifo?: FifoPublish,
  ): string => {
    const messageId = hub.ctx.rng.uuid();
    const timestamp = isoTimestamp(atMs);
    const lambdaAttrs: JsonObject = {};
    for (const [k, v] of Object.entries(attributes)) {
      if (!isObject(v)) continue;
      const type = String(v.DataType ?? 'String');
      lambdaAttrs[k] = {
        Type: type.startsWith('Binary') ? 'Binary' : type,
        Value: v.StringValue ?? v.BinaryValue ?? '',
      };
    }
    for (const sub of t.subs) {
      // A message the subscription's filter policy refuses is not delivered to it (and not retried).
      if (sub.filter && !sub.filter(message, attributes)) continue;
      const subId = sub.arn.slice(sub.arn.lastIndexOf(':') + 1);
      hub.ctx.schedule(atMs, 'sns.delivery', () => {
        let ok = true;
        let reason = 'delivered';
        if (sub.protocol === 'lambda') {
          const fn = functionNameOf(sub.endpoint);
          if (!hub.world.getFunction(fn).ok) {
            ok = false;
            reason = 'function not found';
          } else if (!hub.iam.allowsInvoke(fn, 'sns.amazonaws.com', t.arn, hub.accountId)) {
            ok = false;
            reason = 'no resource-based permission for sns.amazonaws.com';
            hub.emit('lambda.permission.denied', {
              functionName: fn,
              principal: 'sns.amazonaws.com',
              sourceArn: t.arn,
            });
          } else {
            const record = snsRecord({
              topicArn: t.arn,
              subscriptionId: subId,
              messageId,
              message,
              subject,
              timestamp,
              messageAttributes: lambdaAttrs,
              signature: hub.ctx.rng.hex(64),
              region: hub.region,
            });
            ok = hub.invokeAsync(fn, JSON.stringify({ Records: [record] }), depth + 1, `sns:${t.arn}`);
            if (!ok) reason = 'recursive loop stopped';
          }
        } else {
          const body = sub.raw
            ? message
            : JSON.stringify({
                Type: 'Notification',
                MessageId: messageId,
                TopicArn: t.arn,
                ...(subject === null ? {} : { Subject: subject }),
                Message: message,
                Timestamp: timestamp,
                SignatureVersion: '1',
                Signature: hub.ctx.rng.hex(64),
                SigningCertURL: `https://sns.${hub.region}.amazonaws.com/SimpleNotificationService-example.pem`,
                UnsubscribeURL: `https://sns.${hub.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${sub.arn}`,
                ...(Object.keys(lambdaAttrs).length > 0 ? { MessageAttributes: lambdaAttrs } : {}),
              });
          ok = sqs.deliver(sub.endpoint, body, sub.raw ? attributes : {}, atMs, depth + 1, fifo);
          if (!ok) reason = 'queue not found';
        }
        hub.emit('sns.delivery', {
          subscriptionArn: sub.arn,
          protocol: sub.protocol,
          endpoint: sub.endpoint,
          ok,
          reason,
        });
      });
    }
    hub.emit('sns.message.published', { topicArn: t.arn, messageId, subscriptions: t.subs.length });
    return messageId;
  };

  const op = (action: string, run: Operation['run']): Operation => ({
    action: `sns:${action}`,
    resource: (p) => str(p, 'TopicArn'),
    run,
  });
  const operations: Record<string, Operation> = {
    CreateTopic: {
      action: 'sns:CreateTopic',
      resource: (p) => `arn:aws:sns:${hub.region}:${hub.accountId}:${str(p, 'Name')}`,
      run: (p) => {
        const name = str(p, 'Name');
        if (!/^[A-Za-z0-9_-]{1,256}(\.fifo)?$/.test(name))
          throw serviceError('InvalidParameter', 'Invalid parameter: Topic Name', 400);
        const arn = `arn:aws:sns:${hub.region}:${hub.accountId}:${name}`;
        const attrs = isObject(p.Attributes) ? p.Attributes : {};
        // A FIFO topic's name ends in .fifo (the lab does not insist on FifoTopic: "true" beside it).
        if (!name.endsWith('.fifo') && attrs.FifoTopic === 'true')
          throw serviceError(
            'InvalidParameter',
            'Invalid parameter: Fifo Topic names must end with .fifo and must be made up of only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be between 1 and 256 characters long.',
            400,
          );
        if (!topics.has(arn)) {
          const fifo = name.endsWith('.fifo')
            ? { contentBasedDedup: attrs.ContentBasedDeduplication === 'true', seen: new Map(), nextSeq: 0 }
            : null;
          topics.set(arn, { name, arn, subs: [], fifo });
          hub.emit('sns.topic.created', { topicArn: arn });
        }
        return { TopicArn: arn };
      },
    },
    ListTopics: {
      action: 'sns:ListTopics',
      resource: () => '*',
      run: () => ({ Topics: [...topics.keys()].map((TopicArn) => ({ TopicArn })) }),
    },
    Subscribe: op('Subscribe', (p) => {
      const t = topicOf(str(p, 'TopicArn'));
      const protocol = str(p, 'Protocol');
      if (protocol !== 'lambda' && protocol !== 'sqs') {
        throw serviceError(
          'InvalidParameter',
          `Invalid parameter: Protocol (the lab delivers to lambda and sqs, not ${protocol})`,
          400,
        );
      }
      const endpoint = str(p, 'Endpoint');
      if (t.fifo && (protocol !== 'sqs' || !endpoint.endsWith('.fifo')))
        throw serviceError(
          'InvalidParameter',
          'Invalid parameter: Endpoint Reason: FIFO SNS Topics currently only support FIFO SQS Queues as endpoints',
          400,
        );
      const attrs = isObject(p.Attributes) ? p.Attributes : {};
      const sub: Subscription = {
        arn: `${t.arn}:${hub.ctx.rng.uuid()}`,
        protocol,
        endpoint,
        raw: attrs.RawMessageDelivery === 'true',
        policy: typeof attrs.FilterPolicy === 'string' ? attrs.FilterPolicy : null,
        scope: typeof attrs.FilterPolicyScope === 'string' ? attrs.FilterPolicyScope : 'MessageAttributes',
        filter: snsFilter(attrs.FilterPolicy, attrs.FilterPolicyScope),
      };
      t.subs.push(sub);
      return { SubscriptionArn: sub.arn };
    }),
    SetSubscriptionAttributes: {
      action: 'sns:SetSubscriptionAttributes',
      resource: (p) => str(p, 'SubscriptionArn').replace(/:[^:]+$/, ''),
      run: (p) => {
        const arn = str(p, 'SubscriptionArn');
        const sub = [...topics.values()].flatMap((t) => t.subs).find((s) => s.arn === arn);
        if (!sub) throw serviceError('NotFound', 'Subscription does not exist', 404);
        const name = str(p, 'AttributeName');
        const value = optStr(p, 'AttributeValue') ?? '';
        const policy = name === 'FilterPolicy' ? (value === '' ? null : value) : sub.policy;
        const scope = name === 'FilterPolicyScope' ? value : sub.scope;
        // A policy that does not parse is refused before anything changes.
        const filter = snsFilter(policy ?? undefined, scope);
        if (name === 'RawMessageDelivery') sub.raw = value === 'true';
        else if (name === 'FilterPolicy' || name === 'FilterPolicyScope')
          Object.assign(sub, { policy, scope, filter });
        else
          throw serviceError(
            'InvalidParameter',
            `Invalid parameter: AttributeName (the lab takes RawMessageDelivery, FilterPolicy and FilterPolicyScope, not ${name})`,
            400,
          );
        return {};
      },
    },
    Unsubscribe: {
      action: 'sns:Unsubscribe',
      resource: (p) => str(p, 'SubscriptionArn'),
      run: (p) => {
        const arn = str(p, 'SubscriptionArn');
        for (const t of topics.values()) {
          const i = t.subs.findIndex((s) => s.arn === arn);
          if (i >= 0) t.subs.splice(i, 1);
        }
        return {};
      },
    },
    ListSubscriptionsByTopic: op('ListSubscriptionsByTopic', (p) => {
      const t = topicOf(str(p, 'TopicArn'));
      return {
        Subscriptions: t.subs.map((s) => ({
          SubscriptionArn: s.arn,
          Owner: hub.accountId,
          Protocol: s.protocol,
          Endpoint: s.endpoint,
          TopicArn: t.arn,
        })),
      };
    }),
    Publish: op('Publish', (p, c): JsonObject => {
      const t = topicOf(str(p, 'TopicArn'));
      const message = str(p, 'Message');
      const attrs = isObject(p.MessageAttributes) ? p.MessageAttributes : {};
      const subject = optStr(p, 'Subject') ?? null;
      if (!t.fifo) return { MessageId: fanOut(t, message, subject, attrs, c.nowMs, c.depth) };
      const groupId = optStr(p, 'MessageGroupId');
      if (!groupId)
        throw serviceError(
          'InvalidParameter',
          'Invalid parameter: The MessageGroupId parameter is required for FIFO topics',
          400,
        );
      const dedupId =
        optStr(p, 'MessageDeduplicationId') ?? (t.fifo.contentBasedDedup ? sha256Hex(message) : undefined);
      if (!dedupId)
        throw serviceError(
          'InvalidParameter',
          'Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
          400,
        );
      // A repeat within 5 minutes is accepted and answered as the first publish, but not fanned out again.
      const seen = t.fifo.seen.get(dedupId);
      if (seen && c.nowMs - seen.atMs < FIFO_DEDUP_INTERVAL_MS)
        return { MessageId: seen.messageId, SequenceNumber: seen.seq };
      const seq = String(++t.fifo.nextSeq).padStart(20, '0');
      const messageId = fanOut(t, message, subject, attrs, c.nowMs, c.depth, { groupId, dedupId });
      t.fifo.seen.set(dedupId, { atMs: c.nowMs, messageId, seq });
      return { MessageId: messageId, SequenceNumber: seq };
    }),
  };

  return {
    module: {
      name: 'sns',
      denied: { code: 'AuthorizationError', httpStatus: 403, quoteResource: false },
      operations,
    },
    exists: (arn) => topics.has(arn),
    deliverFromService: (arn, message, atMs, depth) => {
      const t = topics.get(arn);
      if (t) fanOut(t, message, 'Amazon S3 Notification', {}, atMs, depth);
    },
    destinationSink: {
      accepts: (arn) => topics.has(arn),
      deliver: (d) => {
        const t = topics.get(d.destinationArn);
        if (t) fanOut(t, d.bodyJson, null, {}, hub.now(), 0);
      },
    },
  };
}
