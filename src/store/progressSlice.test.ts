import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import {
  answerKey,
  emptyExerciseProgress,
  emptyProgress,
  exerciseKey,
  PROGRESS_VERSION,
  type ProgressSlice,
  parseProgress,
  parseStoredProgress,
  progressSliceCreator,
} from './progressSlice';

/** The slice inside a combined store with another slice, as labStore.ts combines them. */
function makeStore() {
  let t = 1_000;
  const creator = progressSliceCreator(() => t++);
  return create<ProgressSlice & { other: number }>()((...a) => ({ ...creator(...a), other: 1 }));
}

const key = exerciseKey('02-handler', 'hello-structured');
const pass = { checkId: 'a', title: 'A', passed: true };
const fail = { checkId: 'b', title: 'B', passed: false, feedback: 'Use json.dumps' };

describe('progress slice', () => {
  it('opens and completes lessons with dates, once', () => {
    const store = makeStore();
    store.getState().openLesson('01-serverless');
    store.getState().openLesson('01-serverless');
    store.getState().completeLesson('01-serverless');
    store.getState().completeLesson('01-serverless');
    const { progress } = store.getState();
    expect(progress.currentLesson).toBe('01-serverless');
    expect(progress.lessons['01-serverless']).toEqual({ visitedAt: 1000, completedAt: 1001 });
    expect(store.getState().other).toBe(1);
  });

  it('reveals hints one at a time, never past the last', () => {
    const store = makeStore();
    for (let i = 0; i < 5; i++) store.getState().revealHint(key, 3);
    expect(store.getState().progress.exercises[key]?.hintsRevealed).toBe(3);
  });

  it('walks the reveal friction: confirmations, cancel, then revealed', () => {
    const store = makeStore();
    const s = () => store.getState().progress.exercises[key];
    store.getState().advanceSolutionReveal(key, 2);
    expect(s()?.revealStage).toBe(1);
    store.getState().cancelSolutionReveal(key);
    expect(s()?.revealStage).toBe(0);
    store.getState().advanceSolutionReveal(key, 2);
    store.getState().advanceSolutionReveal(key, 2);
    expect(s()?.solutionRevealedAt).toBeNull();
    store.getState().advanceSolutionReveal(key, 2);
    expect(s()?.solutionRevealedAt).not.toBeNull();
    store.getState().cancelSolutionReveal(key);
    expect(s()?.revealStage).toBe(3);
    store.getState().showSolutionTokens(key, 10, 15);
    store.getState().showSolutionTokens(key, 10, 15);
    expect(s()?.solutionTokensShown).toBe(15);
  });

  it('records checks: a failing run keeps it in progress, a passing run passes it and keeps the files', () => {
    const store = makeStore();
    store.getState().startExercise(key);
    expect(store.getState().progress.exercises[key]?.status).toBe('in-progress');
    store.getState().recordCheck(key, [pass, fail], { 'lambda_function.py': 'v1' });
    let e = store.getState().progress.exercises[key];
    expect(e).toMatchObject({ status: 'in-progress', checkRuns: 1, firstPassedAt: null, passedFiles: null });
    expect(e?.lastResults[1]?.feedback).toBe('Use json.dumps');
    store.getState().recordCheck(key, [pass, { ...fail, passed: true }], { 'lambda_function.py': 'v2' });
    e = store.getState().progress.exercises[key];
    expect(e).toMatchObject({ status: 'passed', checkRuns: 2, passedFiles: { 'lambda_function.py': 'v2' } });
    const firstPassedAt = e?.firstPassedAt;
    // A later failing run does not take the pass away, nor the files that passed.
    store.getState().recordCheck(key, [fail], { 'lambda_function.py': 'v3' });
    e = store.getState().progress.exercises[key];
    expect(e).toMatchObject({ status: 'passed', firstPassedAt, passedFiles: { 'lambda_function.py': 'v2' } });
  });

  it("keeps only the result fields the save holds (the checker's details stay out)", () => {
    const store = makeStore();
    const fromChecker = { ...fail, index: 0, kind: 'invoke', details: { failures: [], invokes: [] } };
    store.getState().recordCheck(key, [fromChecker], {});
    expect(store.getState().progress.exercises[key]?.lastResults).toEqual([fail]);
    expect(parseProgress(store.getState().progress, PROGRESS_VERSION).ok).toBe(true);
  });

  it('an empty result list never counts as a pass', () => {
    const store = makeStore();
    store.getState().recordCheck(key, [], {});
    expect(store.getState().progress.exercises[key]?.status).toBe('in-progress');
  });

  it('counts quiz attempts and remembers the first correct answer', () => {
    const store = makeStore();
    const k = answerKey('02-handler', 'pp', 'q1');
    store.getState().answerQuestion(k, ['flat'], false);
    store.getState().answerQuestion(k, ['right'], true);
    store.getState().answerQuestion(k, { a: 'x' }, false);
    expect(store.getState().progress.answers[k]).toEqual({
      answer: { a: 'x' },
      correct: false,
      attempts: 3,
      answeredAt: 1002,
      firstCorrectAt: 1001,
    });
  });

  it('resets and replaces everything', () => {
    const store = makeStore();
    store.getState().openLesson('x');
    store.getState().resetProgress();
    expect(store.getState().progress).toEqual(emptyProgress());
    const doc = { ...emptyProgress(), currentLesson: 'y' };
    store.getState().replaceProgress(doc);
    expect(store.getState().progress.currentLesson).toBe('y');
  });
});

describe('parseProgress', () => {
  const full = () => {
    const store = makeStore();
    store.getState().openLesson('02-handler');
    store.getState().recordCheck(key, [pass], { 'lambda_function.py': 'x' });
    store.getState().answerQuestion(answerKey('02-handler', 'q', 'a'), ['b'], true);
    return store.getState().progress;
  };

  it('accepts what the slice produces, also through JSON', () => {
    const doc = full();
    expect(parseProgress(JSON.parse(JSON.stringify(doc)), PROGRESS_VERSION)).toEqual({
      ok: true,
      progress: doc,
    });
  });

  it('refuses unknown keys and says where', () => {
    const doc = full();
    const bad = { ...doc, exercises: { [key]: { ...emptyExerciseProgress(), hints: 2 } } };
    expect(parseProgress(bad, PROGRESS_VERSION)).toEqual({
      ok: false,
      reason: expect.stringContaining(`exercises.${key}`),
    });
  });

  it('refuses a negative hint count and a wrong status', () => {
    const bad1 = {
      ...emptyProgress(),
      exercises: { [key]: { ...emptyExerciseProgress(), hintsRevealed: -1 } },
    };
    const bad2 = { ...emptyProgress(), exercises: { [key]: { ...emptyExerciseProgress(), status: 'done' } } };
    expect(parseProgress(bad1, 1).ok).toBe(false);
    expect(parseProgress(bad2, 1).ok).toBe(false);
  });

  it('refuses newer and unknown formats instead of guessing', () => {
    expect(parseProgress(emptyProgress(), PROGRESS_VERSION + 1)).toEqual({
      ok: false,
      reason: expect.stringContaining('newer Lambda Lab'),
    });
    expect(parseProgress(emptyProgress(), 0).ok).toBe(false);
    expect(parseProgress('nope', PROGRESS_VERSION).ok).toBe(false);
  });

  it('reads progress from a lab save: missing means empty, a version is required', () => {
    expect(parseStoredProgress(undefined)).toEqual({ ok: true, progress: emptyProgress() });
    expect(parseStoredProgress(full()).ok).toBe(true);
    expect(parseStoredProgress({ lessons: {} })).toEqual({
      ok: false,
      reason: expect.stringContaining('no format version'),
    });
  });
});
