/**
 * One SQS queue as a state machine per message: queued (visible or delayed) → in flight (invisible until
 * its visibility timeout) → deleted, redriven to the DLQ after maxReceiveCount, or expired after retention.
 * No message leaves without one of those recorded reasons.
 */
import type { Hub } from './hub';
import type { JsonObject } from './json';
import { md5Hex } from './md5';

export type MessageState = 'queued' | 'inflight' | 'deleted' | 'redriven' | 'expired';

export interface Message {
  readonly id: string;
  readonly body: string;
  readonly md5: string;
  readonly attributes: JsonObject;
  readonly sentAt: number;
  readonly depth: number;
  readonly groupId: string | null;
  readonly dedupId: string | null;
  readonly sequenceNumber: string | null;
  state: MessageState;
  visibleAt: number;
  receiveCount: number;
  firstReceiveAt: number | null;
  receipt: string | null;
  /** Bumped whenever visibility changes, so stale timers do nothing. */
  gen: number;
}

export interface QueueAttributes {
  visibilityTimeoutS: number;
  delayS: number;
  retentionS: number;
  redrive: { readonly deadLetterTargetArn: string; readonly maxReceiveCount: number } | null;
  contentBasedDedup: boolean;
}

export interface Queue {
  readonly name: string;
  readonly url: string;
  readonly arn: string;
  readonly fifo: boolean;
  readonly createdAt: number;
  readonly attrs: QueueAttributes;
  /** Every message ever sent, kept for inspection and tests; lookups go through `live` and `receipts`. */
  readonly messages: Map<string, Message>;
  /** Messages still queued or in flight, in send order: receives scan only these. */
  readonly live: Map<string, Message>;
  /** In-flight messages by their current receipt handle. */
  readonly receipts: Map<string, Message>;
  readonly listeners: Set<() => void>;
  /** FIFO deduplication IDs seen in the last 5 minutes, with the message they first came with. */
  readonly dedup: Map<string, { readonly atMs: number; readonly message: Message }>;
  nextSeq: number;
}

/** FIFO's deduplication interval: a repeat of a deduplication ID within it is accepted but not enqueued. */
export const FIFO_DEDUP_INTERVAL_MS = 300_000;

export interface SendOutcome {
  readonly message: Message;
  /** True when FIFO dropped this send as a duplicate; `message` is the one first sent with that ID. */
  readonly duplicate: boolean;
}

export interface QueueOps {
  send(
    q: Queue,
    m: Omit<
      Message,
      'state' | 'visibleAt' | 'receiveCount' | 'firstReceiveAt' | 'receipt' | 'gen' | 'md5' | 'sequenceNumber'
    >,
    delayS: number,
  ): SendOutcome;
  receive(q: Queue, max: number, atMs: number, visibilityS: number, by: string): Message[];
  deleteByReceipt(q: Queue, receipt: string, by: string): 'deleted' | 'stale' | 'invalid';
  changeVisibility(
    q: Queue,
    receipt: string,
    timeoutS: number,
    atMs: number,
  ): 'ok' | 'invalid' | 'notInflight';
  /** Visible messages, counting no further than `atLeast` (pollers only ask "any?" or "a full batch?"). */
  visibleCount(q: Queue, atMs: number, atLeast?: number): number;
}

/** Ends a message's life in its queue (deleted, expired or redriven): it leaves the live indexes. */
export function retire(q: Queue, m: Message, state: 'deleted' | 'expired' | 'redriven'): void {
  m.state = state;
  m.gen++;
  q.live.delete(m.id);
  if (m.receipt !== null) q.receipts.delete(m.receipt);
}

export function createQueueOps(hub: Hub, findQueue: (arn: string) => Queue | undefined): QueueOps {
  const notify = (q: Queue): void => {
    for (const l of q.listeners) l();
  };
  const armVisibility = (q: Queue, m: Message): void => {
    const gen = m.gen;
    hub.ctx.schedule(m.visibleAt, 'sqs.visible', () => {
      if (m.gen !== gen || (m.state !== 'queued' && m.state !== 'inflight')) return;
      if (m.state === 'inflight') {
        m.state = 'queued';
        if (m.receipt !== null) q.receipts.delete(m.receipt);
        m.receipt = null;
      }
      hub.emit('sqs.message.visible', { queueName: q.name, messageId: m.id });
      notify(q);
    });
  };
  const redrive = (q: Queue, m: Message, atMs: number): boolean => {
    const r = q.attrs.redrive;
    if (!r || m.receiveCount < r.maxReceiveCount) return false;
    const dlq = findQueue(r.deadLetterTargetArn);
    // A missing DLQ keeps the message where it is: never drop one silently.
    if (!dlq) return false;
    retire(q, m, 'redriven');
    const moved: Message = {
      ...m,
      // A FIFO dead-letter queue numbers the message in its own sequence.
      sequenceNumber: dlq.fifo ? String(++dlq.nextSeq).padStart(20, '0') : m.sequenceNumber,
      state: 'queued',
      visibleAt: atMs,
      receiveCount: 0,
      firstReceiveAt: null,
      receipt: null,
      gen: 0,
    };
    dlq.messages.set(m.id, moved);
    dlq.live.set(m.id, moved);
    hub.emit('sqs.message.redriven', {
      queueName: q.name,
      messageId: m.id,
      deadLetterQueue: dlq.name,
      receiveCount: m.receiveCount,
    });
    notify(dlq);
    return true;
  };
  const groupBusy = (q: Queue, atMs: number): Set<string> => {
    const busy = new Set<string>();
    if (!q.fifo) return busy;
    for (const m of q.live.values()) {
      if (m.groupId && m.state === 'inflight' && m.visibleAt > atMs) busy.add(m.groupId);
    }
    return busy;
  };
  // FIFO answers with as many messages of one group as it can before moving to the next group.
  const groupFirst = (q: Queue): Message[] => {
    const groups = new Map<string, Message[]>();
    for (const m of q.live.values()) {
      const key = m.groupId ?? '';
      const list = groups.get(key);
      if (list) list.push(m);
      else groups.set(key, [m]);
    }
    return [...groups.values()].flat();
  };
  return {
    send(q, input, delayS) {
      const seen = q.fifo && input.dedupId ? q.dedup.get(input.dedupId) : undefined;
      // FIFO accepts a duplicate sent within the deduplication interval but never enqueues it (not an error).
      if (seen && input.sentAt - seen.atMs < FIFO_DEDUP_INTERVAL_MS) {
        hub.emit('sqs.message.deduplicated', { queueName: q.name, messageId: seen.message.id });
        return { message: seen.message, duplicate: true };
      }
      const m: Message = {
        ...input,
        md5: md5Hex(input.body),
        sequenceNumber: q.fifo ? String(++q.nextSeq).padStart(20, '0') : null,
        state: 'queued',
        visibleAt: input.sentAt + delayS * 1000,
        receiveCount: 0,
        firstReceiveAt: null,
        receipt: null,
        gen: 0,
      };
      if (q.fifo && input.dedupId) q.dedup.set(input.dedupId, { atMs: input.sentAt, message: m });
      q.messages.set(m.id, m);
      q.live.set(m.id, m);
      hub.emit('sqs.message.sent', {
        queueName: q.name,
        messageId: m.id,
        visibleAtMs: m.visibleAt,
        atMs: input.sentAt,
      });
      hub.ctx.schedule(
        input.sentAt + q.attrs.retentionS * 1000,
        'sqs.retention',
        () => {
          if (m.state !== 'queued' && m.state !== 'inflight') return;
          retire(q, m, 'expired');
          hub.emit('sqs.message.expired', { queueName: q.name, messageId: m.id });
        },
        { background: true },
      );
      if (m.visibleAt > input.sentAt) armVisibility(q, m);
      else hub.ctx.schedule(input.sentAt, 'sqs.sent', () => notify(q));
      return { message: m, duplicate: false };
    },
    receive(q, max, atMs, visibilityS, by) {
      const out: Message[] = [];
      // A group with messages in flight from an earlier receive is locked; this receive may take several
      // of a free group's messages, in order. A group whose next message is not visible stays blocked.
      const busy = groupBusy(q, atMs);
      for (const m of q.fifo ? groupFirst(q) : q.live.values()) {
        if (out.length >= max) break;
        if (m.state !== 'queued' && m.state !== 'inflight') continue;
        if (m.groupId && busy.has(m.groupId)) continue;
        if (m.visibleAt > atMs) {
          if (m.groupId) busy.add(m.groupId);
          continue;
        }
        if (redrive(q, m, atMs)) continue;
        m.state = 'inflight';
        m.receiveCount++;
        m.firstReceiveAt ??= atMs;
        if (m.receipt !== null) q.receipts.delete(m.receipt);
        m.receipt = `AQEB${hub.ctx.rng.hex(40)}`;
        q.receipts.set(m.receipt, m);
        m.visibleAt = atMs + visibilityS * 1000;
        m.gen++;
        armVisibility(q, m);
        hub.emit('sqs.message.received', {
          queueName: q.name,
          messageId: m.id,
          receiveCount: m.receiveCount,
          by,
        });
        out.push(m);
      }
      return out;
    },
    deleteByReceipt(q, receipt, by) {
      const m = q.receipts.get(receipt);
      if (m && (m.state === 'inflight' || m.state === 'queued')) {
        retire(q, m, 'deleted');
        hub.emit('sqs.message.deleted', { queueName: q.name, messageId: m.id, by });
        return 'deleted';
      }
      return /^AQEB[0-9a-f]{40}$/.test(receipt) ? 'stale' : 'invalid';
    },
    changeVisibility(q, receipt, timeoutS, atMs) {
      // Live receipts are indexed; a retired message's receipt is rare enough to look up by scanning.
      const live = q.receipts.get(receipt);
      const candidates = live ? [live] : q.messages.values();
      for (const m of candidates) {
        if (m.receipt !== receipt) continue;
        if (m.state !== 'inflight') return 'notInflight';
        m.visibleAt = atMs + timeoutS * 1000;
        m.gen++;
        armVisibility(q, m);
        return 'ok';
      }
      return 'invalid';
    },
    visibleCount(q, atMs, atLeast = Number.POSITIVE_INFINITY) {
      let n = 0;
      for (const m of q.live.values()) {
        if ((m.state === 'queued' || m.state === 'inflight') && m.visibleAt <= atMs && ++n >= atLeast) break;
      }
      return n;
    },
  };
}
