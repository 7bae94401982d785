/**
 * Test support only: a scripted SQS queue with a Lambda poller that emits the service trace names the
 * visualizers assume (trace/serviceEvents.ts), so poll-lane and flow models are tested on real Lambda
 * traces until the real SQS service lands. The emit cast is deliberate: these names are not typed yet.
 */
import type { ServiceContext, World } from '../../sim';

export interface FakeSqsOptions {
  readonly queueName: string;
  readonly functionName: string;
  readonly batchSize: number;
  readonly visibilityTimeoutMs: number;
  readonly maxReceiveCount: number;
  readonly dlqName: string;
  readonly pollIntervalMs: number;
  readonly pollers?: number;
}

interface Message {
  readonly messageId: string;
  readonly body: string;
  visibleAt: number;
  receives: number;
  done: boolean;
}

export interface FakeSqs {
  send(body: string): string;
}

type LooseEmit = (name: string, t: number, payload: object) => void;

export function attachFakeSqs(world: World, o: FakeSqsOptions): FakeSqs {
  const emit = world.trace.emit as unknown as LooseEmit;
  const messages: Message[] = [];
  const batches = new Map<string, { readonly batchId: string; readonly messages: readonly Message[] }>();
  let ctx: ServiceContext | null = null;
  let nextId = 1;
  let nextBatch = 1;

  const returnOrDeadLetter = (m: Message): void => {
    if (m.done) return;
    if (m.receives >= o.maxReceiveCount) {
      m.done = true;
      emit('sqs.message.deadLettered', world.now(), {
        queueName: o.queueName,
        messageId: m.messageId,
        dlqName: o.dlqName,
      });
    } else emit('sqs.message.visible', world.now(), { queueName: o.queueName, messageId: m.messageId });
  };

  // The response is stored after invoke.end is traced, so the result is read in a step of its own.
  world.trace.subscribe((e) => {
    if (e.name !== 'lambda.invoke.end' || !batches.has(e.requestId)) return;
    const { requestId, status } = e;
    ctx?.schedule(e.t, 'fakeSqs.result', () => onResult(requestId, status !== 'success'));
  });

  const onResult = (requestId: string, error: boolean): void => {
    const batch = batches.get(requestId);
    if (!batch || !ctx) return;
    batches.delete(requestId);
    const failed = new Set<string>();
    if (error) for (const m of batch.messages) failed.add(m.messageId);
    else {
      const body = world.getResponse(requestId)?.payloadJson ?? 'null';
      const parsed = JSON.parse(body) as { batchItemFailures?: { itemIdentifier: string }[] } | null;
      for (const f of parsed?.batchItemFailures ?? []) failed.add(f.itemIdentifier);
    }
    const ok = batch.messages.filter((m) => !failed.has(m.messageId));
    for (const m of ok) m.done = true;
    if (ok.length > 0) {
      emit('sqs.batch.deleted', world.now(), {
        queueName: o.queueName,
        batchId: batch.batchId,
        messageIds: ok.map((m) => m.messageId),
        requestId,
      });
    }
    for (const m of batch.messages) {
      if (!failed.has(m.messageId)) continue;
      ctx.schedule(m.visibleAt, 'fakeSqs.visible', () => returnOrDeadLetter(m), { background: true });
    }
  };

  const poll = (): void => {
    if (!ctx) return;
    const now = ctx.now();
    const ready = messages.filter((m) => !m.done && m.visibleAt <= now).slice(0, o.batchSize);
    if (ready.length > 0) {
      for (const m of ready) {
        m.receives++;
        m.visibleAt = now + o.visibilityTimeoutMs;
      }
      const payload = { Records: ready.map((m) => ({ messageId: m.messageId, body: m.body })) };
      const r = ctx.invoke({ functionName: o.functionName, payloadJson: JSON.stringify(payload) });
      const batchId = `b-${nextBatch++}`;
      emit('sqs.batch.received', now, {
        queueName: o.queueName,
        batchId,
        messageIds: ready.map((m) => m.messageId),
        functionName: o.functionName,
        requestId: r.ok ? r.value.requestId : null,
      });
      if (r.ok) batches.set(r.value.requestId, { batchId, messages: ready });
    }
    ctx.schedule(now + o.pollIntervalMs, 'fakeSqs.poll', poll, { background: true });
  };

  world.registerService({
    name: 'fakeSqs',
    attach(c) {
      ctx = c;
      emit('sqs.pollers.scaled', c.now(), { queueName: o.queueName, pollers: o.pollers ?? 5 });
      c.schedule(c.now() + o.pollIntervalMs, 'fakeSqs.poll', poll, { background: true });
    },
  });

  return {
    send(body) {
      const messageId = `m-${nextId++}`;
      messages.push({ messageId, body, visibleAt: world.now(), receives: 0, done: false });
      emit('sqs.message.sent', world.now(), { queueName: o.queueName, messageId, body });
      return messageId;
    },
  };
}
