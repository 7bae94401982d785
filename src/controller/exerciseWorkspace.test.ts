import { describe, expect, it } from 'vitest';
import { loadLessonsOrThrow } from '../lessons/loadLessons';
import { parseWorkspace, WORKSPACE_VERSION } from '../store/workspaceDoc';
import { exerciseWorkspace } from './exerciseWorkspace';

const course = loadLessonsOrThrow();
const exercises = course.lessons.flatMap((l) => l.exercises);

describe('exercise workspaces', () => {
  it('gives every exercise a valid workspace whose files are the starter files', () => {
    for (const exercise of exercises) {
      const { workspace, other } = exerciseWorkspace(exercise);
      expect(parseWorkspace(workspace, WORKSPACE_VERSION).ok, exercise.id).toBe(true);
      const files = Object.values(workspace.functions).flatMap((f) => Object.entries(f.files));
      for (const [path, text] of [...files, ...Object.entries(other)])
        expect(text, `${exercise.id} ${path}`).toBe(exercise.starter[path]);
    }
  });

  it('splits a two-function exercise into two drafts with their handlers', () => {
    const fanout = exercises.find((e) => e.id === 'sns-fanout');
    if (!fanout) throw new Error('sns-fanout is missing');
    const { workspace } = exerciseWorkspace(fanout);
    expect(Object.keys(workspace.functions).sort()).toEqual(['place-order', 'send-receipt']);
    expect(workspace.functions['place-order']?.files).toHaveProperty(['place_order.py']);
  });

  it('keeps a role policy apart from the function code', () => {
    const fix = exercises.find((e) => e.id === 'fix-access-denied');
    if (!fix) throw new Error('fix-access-denied is missing');
    const { other } = exerciseWorkspace(fix);
    expect(Object.keys(other)).toEqual(['policy.json']);
  });
});
