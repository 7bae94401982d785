/**
 * A run's key moments, in order: cold and warm invokes, failures, throttles, idle stretches (the
 * timeline's own idle folds, with the environments shut down inside them) and HTTP answers. Runs of the
 * same moment merge ("Cold start ×12"), so a burst stays one item. Pure: a projection of the trace.
 */
import { idleGaps } from '../coldStart/timeAxis';
import type { TimelineModel } from '../coldStart/timelineTypes';
import { toTimelineModel } from '../coldStart/toTimelineModel';
import { formatDuration } from '../common/format';
import { asKnown, type TraceLike } from '../trace/looseEvents';

export type MomentKind = 'cold' | 'warm' | 'failed' | 'throttled' | 'idle' | 'http-ok' | 'http-error';

export interface KeyMoment {
  readonly kind: MomentKind;
  /** When it began (the first of a merged run): an invoke's start (a cold one's environment), an answer, an idle stretch. */
  readonly startMs: number;
  readonly endMs: number;
  readonly count: number;
  /** "Cold start", "HTTP 504", "30 min 0 s idle". */
  readonly title: string;
  /** "Init 92.40 ms + 1.25 ms", "after 29.0 s", "1 environment shut down". */
  readonly detail: string;
}

interface Raw {
  readonly kind: MomentKind;
  readonly t: number;
  readonly seq: number;
  readonly title: string;
  readonly detail: string;
}

const ms = (n: number) => formatDuration(n);

function invokeMoments(events: readonly TraceLike[]): Raw[] {
  const starts = new Map<string, number>();
  const created = new Map<string, number>();
  const requests = new Map<string, number>();
  const out: Raw[] = [];
  for (const loose of events) {
    const e = asKnown(loose);
    // A retry starts only after the attempt before it ended, so the request id is key enough.
    // A cold start begins when its environment is made (Init runs before the invoke starts).
    if (e.name === 'lambda.env.created') created.set(e.envId, e.t);
    else if (e.name === 'lambda.invoke.start')
      starts.set(e.requestId, e.cold ? (created.get(e.envId) ?? e.t) : e.t);
    else if (e.name === 'lambda.invoke.end') {
      const t = starts.get(e.requestId) ?? e.t;
      starts.delete(e.requestId);
      if (e.functionError !== null || e.status !== 'success')
        out.push({ kind: 'failed', t, seq: e.seq, title: 'Failed', detail: e.errorType ?? e.status });
      else if (e.initDurationMs !== null)
        out.push({
          kind: 'cold',
          t,
          seq: e.seq,
          title: 'Cold start',
          detail: `Init ${ms(e.initDurationMs)} + ${ms(e.durationMs)}`,
        });
      else out.push({ kind: 'warm', t, seq: e.seq, title: 'Warm', detail: ms(e.durationMs) });
    } else if (e.name === 'lambda.invoke.throttled')
      out.push({ kind: 'throttled', t: e.t, seq: e.seq, title: 'Throttled', detail: 'no concurrency left' });
  }
  // API Gateway answers: loose events (a service trace), read by name.
  for (const e of events) {
    const fields = e as unknown as Readonly<Record<string, unknown>>;
    const id = typeof fields.requestId === 'string' ? fields.requestId : '';
    if (e.name === 'apigw.request') requests.set(id, e.t);
    else if (e.name === 'apigw.response' && typeof fields.statusCode === 'number') {
      const code = fields.statusCode;
      const asked = requests.get(id);
      out.push({
        kind: code < 400 ? 'http-ok' : 'http-error',
        t: e.t,
        seq: e.seq,
        title: `HTTP ${code}`,
        detail: asked === undefined ? 'answered' : `after ${ms(e.t - asked)}`,
      });
    }
  }
  return out;
}

/** The timeline's idle folds, with folds split only by a shutdown joined back into one quiet stretch. */
function idleMoments(model: TimelineModel, busy: readonly Raw[]): Raw[] {
  const joined: { start: number; end: number }[] = [];
  for (const g of idleGaps(model)) {
    const last = joined[joined.length - 1];
    if (last && !busy.some((b) => b.t >= last.end && b.t <= g.startMs)) last.end = g.endMs;
    else joined.push({ start: g.startMs, end: g.endMs });
  }
  return joined.map(({ start, end }) => {
    const gone = model.rows.filter((r) => r.goneAt !== null && r.goneAt >= start && r.goneAt <= end).length;
    return {
      kind: 'idle' as const,
      t: start,
      seq: -1,
      title: `${formatDuration(end - start)} idle`,
      detail: gone === 0 ? 'nothing shut down' : `${gone} environment${gone === 1 ? '' : 's'} shut down`,
    };
  });
}

/** `model`: the trace's timeline model when the caller has built it already (a big trace builds once). */
export function toKeyMoments(events: readonly TraceLike[], model?: TimelineModel): KeyMoment[] {
  const busy = invokeMoments(events);
  const idle = events.length === 0 ? [] : idleMoments(model ?? toTimelineModel(events), busy);
  const raw = [...busy, ...idle].sort((a, b) => a.t - b.t || a.seq - b.seq);
  const out: KeyMoment[] = [];
  for (const r of raw) {
    const last = out[out.length - 1];
    // Two idle stretches never merge: each has its own length.
    if (last && last.kind === r.kind && last.kind !== 'idle' && last.title.startsWith(r.title)) {
      const count = last.count + 1;
      out[out.length - 1] = {
        ...last,
        count,
        endMs: r.t,
        title: `${r.title} ×${count}`,
        detail: r.t === last.startMs ? 'at the same moment' : `within ${ms(r.t - last.startMs)}`,
      };
    } else out.push({ kind: r.kind, startMs: r.t, endMs: r.t, count: 1, title: r.title, detail: r.detail });
  }
  return out;
}
