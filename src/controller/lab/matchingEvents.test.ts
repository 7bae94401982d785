import { describe, expect, it } from 'vitest';
import { loadLessonsOrThrow } from '../../lessons/loadLessons';
import { exerciseWorkspace } from './exerciseWorkspace';
import { sourceTemplate } from './matchingEvents';

const course = loadLessonsOrThrow();
const exercises = course.lessons.flatMap((l) => l.exercises);

describe('matching test events', () => {
  it('loads the SQS exercise with an SQS batch, the same events its checks send', () => {
    const ex = exercises.find((e) => e.id === 'sqs-partial-batch');
    if (!ex) throw new Error('sqs-partial-batch is missing');
    const fn = exerciseWorkspace(ex).workspace.functions['process-orders'];
    const event = JSON.parse(fn?.events[fn.activeEvent] ?? '{}');
    expect(event.Records[0].eventSource).toBe('aws:sqs');
    expect(event.Records[0].body).toBe('{"order_id": "a-1", "amount_cents": 1250}');
    expect(Object.keys(fn?.events ?? {}).length).toBeGreaterThan(1);
  });

  it('gives every exercise whose solution reads Records an event that has Records', () => {
    for (const ex of exercises) {
      const { workspace } = exerciseWorkspace(ex);
      for (const [name, fn] of Object.entries(workspace.functions)) {
        const code = Object.values(fn.files).join('\n');
        if (
          !/event\[["']Records["']\]/.test(code) &&
          !/event\[["']Records["']\]/.test(ex.solution['lambda_function.py'] ?? '')
        )
          continue;
        const event = JSON.parse(fn.events[fn.activeEvent] ?? '{}');
        expect(Array.isArray(event.Records), `${ex.id} ${name}: ${fn.activeEvent}`).toBe(true);
        expect(Object.keys(fn.events).length, `${ex.id} ${name}`).toBeLessThanOrEqual(10);
      }
    }
  });

  it('knows the source wired to a function in a prepared world', () => {
    for (const lesson of course.lessons)
      for (const world of lesson.worlds.values())
        for (const fn of world.spec.functions) {
          const template = sourceTemplate(world.spec, fn.name);
          if (world.spec.eventSourceMappings?.some((m) => m.function === fn.name))
            expect(template, `${world.spec.id} ${fn.name}`).toMatch(/sqs|dynamodb-stream/);
        }
  });
});
