/**
 * The load run: N simulated students on loopback join one session and answer within a few seconds,
 * while the instructor's socket watches the histogram. Returns what happened and how fast.
 */
import { percentile } from '../../lib/percentile';
import type { Histogram } from '../protocol';
import { refOf, single } from '../testQuestions';
import { startClassroomServer } from './server';
import { type TestClient, testClient } from './testClient';

export interface LoadFigures {
  readonly students: number;
  /** All sockets open and every join answered. */
  readonly connectMs: number;
  /** Send of an answer -> the first instructor histogram that counts that many answers. */
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly max: number };
  /** Answers acknowledged to their students. */
  readonly acked: number;
  readonly histogramsReceived: number;
  readonly final: Histogram;
  /** Expected count per choice id, from the answers sent. */
  readonly expected: Readonly<Record<string, number>>;
  readonly revealsRight: number;
  readonly csvRows: number;
  readonly totalMs: number;
}

export async function runLoad(students = 200, spreadMs = 2000): Promise<LoadFigures> {
  const t0 = performance.now();
  const server = await startClassroomServer({ host: '127.0.0.1' });
  const clients: TestClient[] = [];
  try {
    const teacher = await testClient(server.port);
    clients.push(teacher);
    teacher.send({ type: 'create' });
    const { code, token } = await teacher.next('session');
    const seen: { at: number; h: Histogram }[] = [];
    teacher.ws.on('message', (data) => {
      const m = JSON.parse(data.toString());
      if (m.type === 'histogram') seen.push({ at: performance.now(), h: m.histogram });
    });

    const c0 = performance.now();
    const class_ = await Promise.all(
      Array.from({ length: students }, async (_, i) => {
        const c = await testClient(server.port);
        clients.push(c);
        c.send({ type: 'join', code, name: `Load ${i + 1}` });
        await c.next('joined', () => true, 30_000);
        return c;
      }),
    );
    const connectMs = performance.now() - c0;

    teacher.send({ type: 'ask', code, token, ref: refOf(single.id), question: single });
    await Promise.all(class_.map((c) => c.next('question', (m) => m.round !== null, 30_000)));
    const choices = single.choices.map((c) => c.id);
    const expected: Record<string, number> = Object.fromEntries(choices.map((id) => [id, 0]));
    const sentAt: number[] = [];
    await Promise.all(
      class_.map(async (c, i) => {
        await new Promise((r) => setTimeout(r, (i * spreadMs) / students));
        const pick = choices[i % choices.length] as string;
        expected[pick] = (expected[pick] ?? 0) + 1;
        sentAt.push(performance.now());
        c.send({ type: 'answer', seq: 1, answer: [pick] });
        await c.next('answered', () => true, 30_000);
      }),
    );
    const final = (await teacher.next('histogram', (m) => m.histogram.answered === students, 30_000))
      .histogram;
    // The k-th answer sent is counted once a histogram shows k answers.
    const latencies = sentAt
      .map((at, k) => (seen.find((s) => s.h.answered >= k + 1)?.at ?? Number.POSITIVE_INFINITY) - at)
      .sort((a, b) => a - b);

    teacher.send({ type: 'reveal', code, token });
    const reveals = await Promise.all(class_.map((c) => c.next('reveal', () => true, 30_000)));
    const revealsRight = reveals.filter(
      (r, i) => r.yourCorrect === (choices[i % choices.length] === 'warm') && r.yourAnswer !== null,
    ).length;
    teacher.send({ type: 'export', code, token });
    const csv = await teacher.next('csv', () => true, 30_000);
    return {
      students,
      connectMs,
      latencyMs: {
        p50: percentile(latencies, 50) ?? Number.NaN,
        p95: percentile(latencies, 95) ?? Number.NaN,
        max: latencies.at(-1) ?? 0,
      },
      acked: class_.filter((c) => c.received.some((m) => m.type === 'answered')).length,
      histogramsReceived: seen.length,
      final,
      expected,
      revealsRight,
      csvRows: csv.text.trimEnd().split('\r\n').length - 1,
      totalMs: performance.now() - t0,
    };
  } finally {
    for (const c of clients) c.close();
    await server.close();
  }
}

export function describeLoad(f: LoadFigures): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return [
    `${f.students} students on loopback: all joined in ${ms(f.connectMs)}`,
    `answer -> instructor histogram: p50 ${ms(f.latencyMs.p50)}, p95 ${ms(f.latencyMs.p95)}, max ${ms(f.latencyMs.max)}`,
    `${f.acked} answers acknowledged, ${f.histogramsReceived} histogram updates, final ${JSON.stringify(f.final.buckets.map((b) => [b.id, b.count]))}`,
    `total ${ms(f.totalMs)}`,
  ].join('\n');
}
