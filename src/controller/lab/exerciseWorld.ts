/**
 * Loading an exercise gives the learner's world the exercise's own resources (roles, tables, queues,
 * buckets, triggers), built the way its hidden checks build theirs, so Test on the starter meets the
 * same table and queue the checks do. All or nothing: the world and the workspace change together, or
 * neither does. Before Python is ready the code loads at once and the world follows when Python is.
 */

import type { LabRunner } from '../../host/labRunner';
import type { LabWorld } from '../../host/labWorld';
import { buildWorld } from '../../host/scenario/buildWorld';
import { type Course, type ExerciseContent, filesUnder } from '../../lessons/course';
import { useLabStore } from '../../store/labStore';
import type { WorkspaceDoc } from '../../store/workspaceDoc';
import { exerciseWorkspace, workspaceForChecks } from './exerciseWorkspace';
import { replaceWorld } from './labController';

/** Builds `exercise`'s world, with `workspace`'s code and settings, inside `lab`. */
export async function buildExerciseWorld(
  lab: LabWorld,
  runner: LabRunner,
  course: Pick<Course, 'files'>,
  exercise: ExerciseContent,
  workspace: WorkspaceDoc,
): Promise<void> {
  await buildWorld(lab, runner, {
    spec: exercise.world.spec,
    dirFiles: (dir) => filesUnder(course.files, `${exercise.world.baseDir}/${dir}`),
    workspace: workspaceForChecks(exercise, workspace),
    mapping: exercise.spec.files,
  });
}

const ready = () => useLabStore.getState().python.state === 'ready';

/** Replaces the learner's world with the exercise's; throws (nothing changed) when it cannot be built. */
async function buildInLearnerWorld(course: Course, exercise: ExerciseContent, workspace: WorkspaceDoc) {
  try {
    // A job of its own, queued behind a running Test, check or lesson visual rather than refused; Test
    // and Check wait while the world is built, so neither runs in a half-built world.
    await replaceWorld((lab, runner) => buildExerciseWorld(lab, runner, course, exercise, workspace), {
      wait: true,
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `The resources of "${exercise.spec.title}" could not be built (${why}). Your code and lab world are unchanged.`,
    );
  }
}

/** The exercise waiting for Python to build its world (the last one loaded wins). */
let pending: { course: Course; exercise: ExerciseContent; workspace: WorkspaceDoc } | null = null;
let unsubscribe: (() => void) | null = null;

function buildWhenReady(): void {
  unsubscribe ??= useLabStore.subscribe((state) => {
    if (state.python.state !== 'ready' || !pending) return;
    const { course, exercise, workspace } = pending;
    pending = null;
    unsubscribe?.();
    unsubscribe = null;
    buildInLearnerWorld(course, exercise, workspace).then(
      () => useLabStore.getState().addNotice('info', `The lab world now has the exercise's resources.`),
      (error: unknown) =>
        useLabStore.getState().addNotice('warning', error instanceof Error ? error.message : String(error)),
    );
  });
}

/**
 * Loads an exercise's starter (or solution) into the workspace (undoable, as every workspace
 * replacement is) and its resources into the learner's world. With Python ready, the world is built
 * first and the workspace changes only if it was; a refusal throws and leaves both as they were.
 */
export async function loadExercise(
  course: Course,
  exercise: ExerciseContent,
  which: 'starter' | 'solution' = 'starter',
): Promise<void> {
  const { workspace } = exerciseWorkspace(exercise, which);
  if (ready()) {
    pending = null;
    await buildInLearnerWorld(course, exercise, workspace);
    useLabStore.getState().replaceWorkspace(workspace);
    return;
  }
  useLabStore.getState().replaceWorkspace(workspace);
  pending = { course, exercise, workspace };
  buildWhenReady();
}
