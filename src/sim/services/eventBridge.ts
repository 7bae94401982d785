/**
 * EventBridge: rules with rate()/cron() schedules that fire in virtual time (background timers: the clock
 * must be advanced), rules with event patterns matched by PutEvents, and Lambda, SQS and SNS targets.
 */

import { matchesPattern } from './eventPattern';
import { isoSeconds, scheduledEvent } from './events/eventBridgeEvent';
import type { Hub } from './hub';
import { isObject, type Json, type JsonObject, optArr, optStr, str } from './json';
import { isoTimestamp } from './kernel';
import type { Operation, ServiceModule } from './operation';
import { functionNameOf } from './s3';
import { nextFire, parseSchedule, type Schedule } from './schedule';
import { serviceError } from './serviceError';
import type { Sns } from './sns';
import type { Sqs } from './sqs';

interface Target {
  readonly id: string;
  readonly arn: string;
  readonly input: string | null;
}

interface Rule {
  readonly name: string;
  readonly arn: string;
  readonly bus: string;
  schedule: Schedule | null;
  pattern: Json | null;
  enabled: boolean;
  originMs: number;
  gen: number;
  readonly targets: Map<string, Target>;
}

export interface EventBridge {
  readonly module: ServiceModule;
}

export function createEventBridge(hub: Hub, sqs: Sqs, sns: Sns): EventBridge {
  const rules = new Map<string, Rule>();
  const ruleOf = (name: string): Rule => {
    const r = rules.get(name);
    if (!r)
      throw serviceError(
        'ResourceNotFoundException',
        `Rule ${name} does not exist on EventBus default.`,
        400,
      );
    return r;
  };

  const deliver = (rule: Rule, eventJson: string, atMs: number, depth: number): void => {
    for (const t of rule.targets.values()) {
      const payload = t.input ?? eventJson;
      if (t.arn.startsWith('arn:aws:lambda:')) {
        const fn = functionNameOf(t.arn);
        if (!hub.iam.allowsInvoke(fn, 'events.amazonaws.com', rule.arn, hub.accountId)) {
          hub.emit('lambda.permission.denied', {
            functionName: fn,
            principal: 'events.amazonaws.com',
            sourceArn: rule.arn,
          });
          continue;
        }
        hub.invokeAsync(fn, payload, depth + 1, `events:${rule.name}`);
      } else if (t.arn.startsWith('arn:aws:sqs:')) sqs.deliver(t.arn, payload, {}, atMs, depth + 1);
      else if (t.arn.startsWith('arn:aws:sns:')) sns.deliverFromService(t.arn, payload, atMs, depth + 1);
    }
  };

  const arm = (rule: Rule): void => {
    const s = rule.schedule;
    if (!s || !rule.enabled) return;
    const gen = ++rule.gen;
    const at = nextFire(s, rule.originMs, hub.now());
    if (at === null) return;
    // Schedules never end, so they are background timers: runUntilIdle does not chase them.
    hub.ctx.schedule(
      at,
      'events.schedule',
      () => {
        if (gen !== rule.gen || !rule.enabled) return;
        const event = scheduledEvent({
          id: hub.ctx.rng.uuid(),
          time: isoSeconds(isoTimestamp(at)),
          region: hub.region,
          account: hub.accountId,
          ruleName: rule.name,
        });
        hub.emit('events.rule.fired', { ruleName: rule.name, targets: rule.targets.size });
        deliver(rule, JSON.stringify(event), at, 0);
        arm(rule);
      },
      { background: true },
    );
  };

  const ruleArn = (p: JsonObject): string =>
    `arn:aws:events:${hub.region}:${hub.accountId}:rule/${optStr(p, 'Name') ?? optStr(p, 'Rule') ?? '*'}`;
  const op = (action: string, run: Operation['run']): Operation => ({
    action: `events:${action}`,
    resource: ruleArn,
    run,
  });
  const operations: Record<string, Operation> = {
    PutRule: op('PutRule', (p, c) => {
      const name = str(p, 'Name');
      const scheduleText = optStr(p, 'ScheduleExpression');
      const patternText = optStr(p, 'EventPattern');
      if (!scheduleText && !patternText)
        throw serviceError(
          'ValidationException',
          'Parameter(s) EventPattern or ScheduleExpression must be specified.',
          400,
        );
      const schedule = scheduleText ? parseSchedule(scheduleText) : null;
      let pattern: Json | null = null;
      if (patternText) {
        try {
          pattern = JSON.parse(patternText) as Json;
        } catch {
          throw serviceError(
            'InvalidEventPatternException',
            'Event pattern is not valid. Reason: Filter is not an object',
            400,
          );
        }
        if (!isObject(pattern))
          throw serviceError(
            'InvalidEventPatternException',
            'Event pattern is not valid. Reason: Filter is not an object',
            400,
          );
      }
      const existing = rules.get(name);
      const rule: Rule = existing ?? {
        name,
        arn: `arn:aws:events:${hub.region}:${hub.accountId}:rule/${name}`,
        bus: optStr(p, 'EventBusName') ?? 'default',
        schedule,
        pattern,
        enabled: true,
        originMs: c.nowMs,
        gen: 0,
        targets: new Map(),
      };
      rule.schedule = schedule;
      rule.pattern = pattern;
      rule.enabled = (optStr(p, 'State') ?? 'ENABLED') === 'ENABLED';
      rule.originMs = c.nowMs;
      rules.set(name, rule);
      arm(rule);
      return { RuleArn: rule.arn };
    }),
    PutTargets: op('PutTargets', (p) => {
      const rule = ruleOf(str(p, 'Rule'));
      for (const t of optArr(p, 'Targets') ?? []) {
        if (!isObject(t)) continue;
        rule.targets.set(str(t, 'Id'), {
          id: str(t, 'Id'),
          arn: str(t, 'Arn'),
          input: optStr(t, 'Input') ?? null,
        });
      }
      return { FailedEntryCount: 0, FailedEntries: [] };
    }),
    DeleteRule: op('DeleteRule', (p) => {
      const rule = rules.get(str(p, 'Name'));
      if (rule && rule.targets.size > 0)
        throw serviceError('ValidationException', "Rule can't be deleted since it has targets.", 400);
      if (rule) rule.gen++;
      rules.delete(str(p, 'Name'));
      return {};
    }),
    DisableRule: op('DisableRule', (p) => {
      const rule = ruleOf(str(p, 'Name'));
      rule.enabled = false;
      rule.gen++;
      return {};
    }),
    EnableRule: op('EnableRule', (p) => {
      const rule = ruleOf(str(p, 'Name'));
      rule.enabled = true;
      arm(rule);
      return {};
    }),
    ListRules: op('ListRules', () => ({
      Rules: [...rules.values()].map((r) => {
        const out: JsonObject = {
          Name: r.name,
          Arn: r.arn,
          State: r.enabled ? 'ENABLED' : 'DISABLED',
          EventBusName: r.bus,
        };
        if (r.pattern) out.EventPattern = JSON.stringify(r.pattern);
        return out;
      }),
    })),
    PutEvents: {
      action: 'events:PutEvents',
      resource: () => `arn:aws:events:${hub.region}:${hub.accountId}:event-bus/default`,
      run: (p, c) => {
        const out: Json[] = [];
        for (const e of optArr(p, 'Entries') ?? []) {
          if (!isObject(e)) continue;
          const id = hub.ctx.rng.uuid();
          let detail: Json = {};
          try {
            detail = JSON.parse(optStr(e, 'Detail') ?? '{}') as Json;
          } catch {
            out.push({ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' });
            continue;
          }
          const bus = optStr(e, 'EventBusName') ?? 'default';
          const event: JsonObject = {
            version: '0',
            id,
            'detail-type': optStr(e, 'DetailType') ?? '',
            source: optStr(e, 'Source') ?? '',
            account: hub.accountId,
            time: isoSeconds(isoTimestamp(c.nowMs)),
            region: hub.region,
            resources: optArr(e, 'Resources') ?? [],
            detail,
          };
          const matched = [...rules.values()].filter(
            (r) => r.enabled && r.bus === bus && r.pattern && matchesPattern(r.pattern, event),
          );
          hub.emit('events.event.put', {
            eventBusName: bus,
            source: String(event.source),
            detailType: String(event['detail-type']),
            matchedRules: matched.length,
          });
          const text = JSON.stringify(event);
          for (const r of matched)
            hub.ctx.schedule(c.nowMs, 'events.deliver', () => deliver(r, text, c.nowMs, c.depth));
          out.push({ EventId: id });
        }
        return {
          FailedEntryCount: out.filter((x) => isObject(x) && x.ErrorCode !== undefined).length,
          Entries: out,
        };
      },
    },
  };
  return {
    module: {
      name: 'events',
      denied: { code: 'AccessDeniedException', httpStatus: 400, quoteResource: false },
      operations,
    },
  };
}
