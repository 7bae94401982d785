/** References between content files: every id, path and name must point at something that exists. */

import type { EventSpec } from '../host/scenario/events';
import type { Check } from './checks';
import {
  type Course,
  type ExerciseContent,
  filesUnder,
  type LessonContent,
  resolveWorld,
  type YamlIndex,
} from './course';
import type { ContentError } from './locate';
import type { CoverageRef } from './schema';
import { checkActionRefs, checkMeasureRefs, checkWorldRefs, worldNames } from './worldRefs';

type Path = (string | number)[];

export function crossCheck(course: Course, yaml: YamlIndex): ContentError[] {
  const errors: ContentError[] = [];
  const at = (file: string, path: Path, message: string) =>
    errors.push({ file, line: yaml.get(file)?.lineOf(path) ?? null, message });
  const coverageIds = new Set(course.coverage.items.map((i) => i.id));

  for (const [path, text] of course.files) {
    if (!path.endsWith('.json')) continue;
    try {
      JSON.parse(text);
    } catch (e) {
      errors.push({ file: path, line: null, message: `invalid JSON: ${(e as Error).message}` });
    }
  }

  for (const lesson of course.lessons) {
    const md = `${lesson.dir}/lesson.md`;
    lesson.meta.coverage.forEach((tag, i) => {
      if (!coverageIds.has(tag))
        at(md, ['coverage', i], `coverage tag "${tag}" is not an item of coverage.yaml`);
    });
    checkBlocks(course, lesson, errors);
    for (const [, world] of lesson.worlds) {
      for (const p of checkWorldRefs(world.spec)) at(world.file, p.path, p.message);
      checkCode(course, world.baseDir, world.spec, null, world.file, at);
    }
    checkQuizzes(course, lesson, at);
    for (const ex of lesson.exercises) checkExercise(course, ex, at, coverageIds);
  }

  const seen = new Set<string>();
  course.coverage.items.forEach((item, i) => {
    const file = 'lessons/coverage.yaml';
    if (seen.has(item.id)) at(file, ['items', i, 'id'], `duplicate coverage item "${item.id}"`);
    seen.add(item.id);
    item.taughtBy.forEach((ref, j) => {
      const problem = resolveCoverageRef(course, ref);
      if (problem !== null) at(file, ['items', i, 'taughtBy', j], problem);
    });
  });
  for (const [i, e] of course.faq.entries.entries()) {
    for (const [j, l] of e.lessons.entries()) {
      if (!course.lessons.some((x) => x.id === l))
        at('lessons/faq.yaml', ['entries', i, 'lessons', j], `no lesson "${l}"`);
    }
  }
  return errors;
}

/** null when the reference resolves, else why not. */
export function resolveCoverageRef(course: Course, ref: CoverageRef): string | null {
  if ('section' in ref) {
    const [lessonId, slug] = ref.section.split('#');
    const lesson = course.lessons.find((l) => l.id === lessonId);
    if (lesson === undefined) return `no lesson "${lessonId}"`;
    if (slug !== undefined && !lesson.rendered.headings.some((h) => h.slug === slug)) {
      return `lesson "${lessonId}" has no heading with slug "${slug}"`;
    }
    return null;
  }
  if ('exercise' in ref) {
    const [lessonId, exId] = ref.exercise.split('/');
    const ok = course.lessons.find((l) => l.id === lessonId)?.exercises.some((e) => e.id === exId);
    return ok === true ? null : `no exercise "${ref.exercise}"`;
  }
  if ('quiz' in ref) {
    const [lessonId, quizId, questionId] = ref.quiz.split('/');
    const quiz = course.lessons.find((l) => l.id === lessonId)?.quizzes.find((q) => q.id === quizId);
    if (quiz === undefined) return `no quiz "${lessonId}/${quizId}"`;
    if (questionId !== undefined && !quiz.questions.some((q) => q.id === questionId)) {
      return `quiz "${lessonId}/${quizId}" has no question "${questionId}"`;
    }
    return null;
  }
  return course.faq.entries.some((e) => e.id === ref.faq) ? null : `no FAQ entry "${ref.faq}"`;
}

function checkBlocks(course: Course, lesson: LessonContent, errors: ContentError[]): void {
  const file = `${lesson.dir}/lesson.md`;
  const seenRun = new Set<string>();
  for (const b of lesson.rendered.blocks) {
    const err = (message: string) => errors.push({ file, line: b.line, message });
    switch (b.kind) {
      case 'run':
        if (seenRun.has(b.id)) err(`duplicate lab-run id "${b.id}"`);
        seenRun.add(b.id);
        if (b.event !== null && !course.files.has(`${lesson.dir}/${b.event}`))
          err(`event file "${b.event}" is missing`);
        break;
      case 'quiz':
        if (!lesson.quizzes.some((q) => q.id === b.id)) err(`no quiz "${b.id}" in quizzes.yaml`);
        break;
      case 'exercise':
        if (!lesson.exercises.some((e) => e.id === b.id)) err(`no exercise "${b.id}" in this lesson`);
        break;
      case 'viz':
        if (b.world !== null && resolveWorld(course, lesson.id, b.world) === undefined)
          err(`no world "${b.world}"`);
        break;
      case 'open':
        if (resolveWorld(course, lesson.id, b.world) === undefined) err(`no world "${b.world}"`);
        break;
      case 'demo':
        if (!course.files.has(`lessons/demos/${b.id}.yaml`)) err(`no demo "${b.id}" in lessons/demos`);
        break;
      default: {
        const never: never = b;
        throw new Error(`unknown block ${JSON.stringify(never)}`);
      }
    }
  }
}

type At = (file: string, path: Path, message: string) => void;

function checkQuizzes(course: Course, lesson: LessonContent, at: At): void {
  const file = `${lesson.dir}/quizzes.yaml`;
  const quizIds = new Set<string>();
  lesson.quizzes.forEach((quiz, qi) => {
    if (quizIds.has(quiz.id)) at(file, ['quizzes', qi, 'id'], `duplicate quiz id "${quiz.id}"`);
    quizIds.add(quiz.id);
    const questionIds = new Set<string>();
    quiz.questions.forEach((q, i) => {
      const path: Path = ['quizzes', qi, 'questions', i];
      if (questionIds.has(q.id)) at(file, [...path, 'id'], `duplicate question id "${q.id}"`);
      questionIds.add(q.id);
      const ids =
        q.type === 'order' || q.type === 'sort' ? q.items.map((x) => x.id) : q.choices.map((c) => c.id);
      if (new Set(ids).size !== ids.length) at(file, path, 'choice or item ids must be unique');
      if (q.type !== 'predict') {
        return;
      }
      const world = resolveWorld(course, lesson.id, q.world);
      if (world === undefined) {
        at(file, [...path, 'world'], `no world "${q.world}"`);
        return;
      }
      const names = worldNames(world.spec);
      for (const p of checkActionRefs(names, q.actions, [...path, 'actions'])) at(file, p.path, p.message);
      for (const p of checkMeasureRefs(names, q.measure, [...path, 'measure'])) at(file, p.path, p.message);
    });
  });
}

function checkCode(
  course: Course,
  baseDir: string,
  spec: ExerciseContent['spec']['world'],
  ex: ExerciseContent | null,
  file: string,
  at: At,
): void {
  const prefix: Path = ex === null ? [] : ['world'];
  const units = [
    ...spec.functions.map((f, i) => ({
      code: f.code,
      path: [...prefix, 'functions', i, 'code'],
      key: 'function',
      name: f.name,
    })),
    ...(spec.layers ?? []).map((l, i) => ({
      code: l.code,
      path: [...prefix, 'layers', i, 'code'],
      key: 'layer',
      name: l.name,
    })),
  ];
  for (const u of units) {
    if (u.code === 'workspace') {
      if (ex === null) at(file, u.path, 'only an exercise world can take code from the workspace');
      else if (!ex.spec.files.some((f) => u.key in f && (f as Record<string, string>)[u.key] === u.name)) {
        at(file, u.path, `no workspace file is mapped to ${u.key} "${u.name}"`);
      }
    } else if (Object.keys(filesUnder(course.files, `${baseDir}/${u.code.dir}`)).length === 0) {
      at(file, u.path, `code folder "${u.code.dir}" is empty or missing`);
    }
  }
}

function eventProblem(course: Course, dir: string, e: EventSpec | undefined): string | null {
  if (e === undefined || !('file' in e)) return null;
  return course.files.has(`${dir}/${e.file}`) ? null : `event file "${e.file}" is missing`;
}

function checkExercise(course: Course, ex: ExerciseContent, at: At, coverageIds: ReadonlySet<string>): void {
  const file = `${ex.dir}/exercise.yaml`;
  const spec = ex.spec;
  const names = worldNames(spec.world);
  for (const p of checkWorldRefs(spec.world)) at(file, ['world', ...p.path], p.message);
  checkCode(course, ex.dir, spec.world, ex, file, at);
  spec.coverage?.forEach((t, i) => {
    if (!coverageIds.has(t)) at(file, ['coverage', i], `coverage tag "${t}" is not an item of coverage.yaml`);
  });

  const paths = spec.files.map((f) => f.path);
  spec.files.forEach((f, i) => {
    const p: Path = ['files', i];
    if (paths.indexOf(f.path) !== i) at(file, p, `duplicate file "${f.path}"`);
    if (ex.starter[f.path] === undefined) at(file, p, `starter/${f.path} is missing`);
    if (ex.solution[f.path] === undefined) at(file, p, `solution/${f.path} is missing`);
    if ('function' in f) {
      if (!names.functions.has(f.function)) at(file, p, `no function "${f.function}" in the world`);
    } else if ('layer' in f) {
      if (!names.layers.has(f.layer)) at(file, p, `no layer "${f.layer}" in the world`);
    } else if (spec.world.roles.find((r) => r.name === f.rolePolicy)?.inlinePolicy !== 'workspace') {
      at(file, p, `role "${f.rolePolicy}" must exist with inlinePolicy: workspace`);
    }
  });
  for (const [kind, tree] of [
    ['starter', ex.starter],
    ['solution', ex.solution],
  ] as const) {
    for (const path of Object.keys(tree)) {
      if (!paths.includes(path)) at(file, ['files'], `${kind}/${path} is not listed in files`);
    }
  }
  for (const side of ['starter', 'solution'] as const) {
    for (const fn of Object.keys(spec.config?.[side] ?? {})) {
      if (!names.functions.has(fn)) at(file, ['config', side, fn], `no function "${fn}" in the world`);
    }
  }

  const checkIds = new Set<string>();
  spec.checks.forEach((c, i) => {
    const p: Path = ['checks', i];
    if (checkIds.has(c.id)) at(file, [...p, 'id'], `duplicate check id "${c.id}"`);
    checkIds.add(c.id);
    for (const message of checkProblems(course, ex, c)) at(file, p, message);
    if (c.kind === 'world') {
      for (const q of checkActionRefs(names, c.actions, [...p, 'actions'])) at(file, q.path, q.message);
    }
  });

  const mistakeIds = new Set<string>();
  let pythonMistakes = 0;
  spec.mistakes.forEach((m, i) => {
    const p: Path = ['mistakes', i];
    if (mistakeIds.has(m.id)) at(file, [...p, 'id'], `duplicate mistake id "${m.id}"`);
    mistakeIds.add(m.id);
    if (!checkIds.has(m.failsCheck))
      at(file, [...p, 'failsCheck'], `no check "${m.failsCheck}" in this exercise`);
    for (const [target, source] of Object.entries(m.files)) {
      if (!paths.includes(target)) at(file, [...p, 'files', target], `"${target}" is not a workspace file`);
      const text = ex.mistakeFiles[source];
      if (text === undefined) at(file, [...p, 'files', target], `${source} is missing`);
      else if (text.trim() === (ex.solution[target] ?? '').trim()) {
        at(file, [...p, 'files', target], `${source} is the same as solution/${target}`);
      }
      if (source.endsWith('.py')) pythonMistakes++;
    }
    for (const fn of Object.keys(m.config ?? {})) {
      if (!names.functions.has(fn)) at(file, [...p, 'config', fn], `no function "${fn}" in the world`);
    }
  });
  if (pythonMistakes === 0) at(file, ['mistakes'], 'at least one mistake must be a real .py file');
  for (const source of Object.keys(ex.mistakeFiles)) {
    if (!spec.mistakes.some((m) => Object.values(m.files).includes(source))) {
      at(file, ['mistakes'], `${source} is not used by any mistake`);
    }
  }
}

function checkProblems(course: Course, ex: ExerciseContent, c: Check): string[] {
  const out: string[] = [];
  const names = worldNames(ex.spec.world);
  const fn = (name: string | undefined) => {
    if (name !== undefined && !names.functions.has(name)) out.push(`no function "${name}" in the world`);
  };
  switch (c.kind) {
    case 'invoke':
      fn(c.function);
      for (const e of [c.event, ...(c.events ?? [])]) {
        const problem = eventProblem(course, ex.dir, e);
        if (problem !== null) out.push(problem);
      }
      break;
    case 'world':
      break;
    case 'ast':
      if (!ex.spec.files.some((f) => f.path === c.file)) out.push(`"${c.file}" is not a workspace file`);
      break;
    case 'config':
      fn(c.function);
      break;
    case 'policy':
      if (!names.roles.has(c.role)) out.push(`no role "${c.role}" in the world`);
      break;
    default: {
      const never: never = c;
      throw new Error(`unknown check ${JSON.stringify(never)}`);
    }
  }
  return out;
}
