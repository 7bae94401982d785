/**
 * Loads the scripted demos from a map of content files (path -> text), as the course loader does: the
 * Node tests read the folder, the browser bundles the files. Every reference a step makes (function,
 * queue, role, code folder) is checked, so a broken demo fails in CI, not in front of a class.
 */
import { filesUnder } from '../lessons/course';
import { type ContentError, validateYaml } from '../lessons/locate';
import { type DemoScript, DemoScript as DemoScriptSchema } from './demoSchema';

export const DEMOS_DIR = 'lessons/demos';

export interface DemoContent {
  readonly script: DemoScript;
  readonly file: string;
  /** Code folders (`code: { dir }`, `deploy.dir`) are relative to `lessons/demos/<id>/`. */
  readonly baseDir: string;
}

export function demoDirFiles(
  files: ReadonlyMap<string, string>,
  demo: DemoContent,
  dir: string,
): Record<string, string> {
  return filesUnder(files, `${demo.baseDir}/${dir}`);
}

export function loadDemos(files: ReadonlyMap<string, string>): {
  demos: DemoContent[];
  errors: ContentError[];
} {
  const demos: DemoContent[] = [];
  const errors: ContentError[] = [];
  const paths = [...files.keys()].filter((p) => /^lessons\/demos\/[^/]+\.yaml$/.test(p)).sort();
  for (const file of paths) {
    const { value, errors: found } = validateYaml(file, files.get(file) ?? '', DemoScriptSchema);
    errors.push(...found);
    if (value === null) continue;
    const name = file.slice(DEMOS_DIR.length + 1, -'.yaml'.length);
    if (value.id !== name)
      errors.push({ file, line: 1, message: `id "${value.id}" must match the file name` });
    const demo: DemoContent = { script: value, file, baseDir: `${DEMOS_DIR}/${name}` };
    errors.push(...referenceErrors(files, demo));
    demos.push(demo);
  }
  return { demos, errors };
}

function referenceErrors(files: ReadonlyMap<string, string>, demo: DemoContent): ContentError[] {
  const { script, file } = demo;
  const out: ContentError[] = [];
  const functions = new Set(script.world.functions.map((f) => f.name));
  const queues = new Set((script.world.queues ?? []).map((q) => q.name));
  const roles = new Set(script.world.roles.map((r) => r.name));
  const hasDir = (dir: string) => Object.keys(demoDirFiles(files, demo, dir)).length > 0;
  for (const fn of script.world.functions) {
    if (fn.code !== 'workspace' && !hasDir(fn.code.dir))
      out.push({
        file,
        line: null,
        message: `function ${fn.name}: no files under ${demo.baseDir}/${fn.code.dir}`,
      });
    if (fn.code === 'workspace')
      out.push({
        file,
        line: null,
        message: `function ${fn.name}: a demo's code must be a folder, not the workspace`,
      });
  }
  script.steps.forEach((step, i) => {
    const run = step.run;
    if (!run) return;
    const where = `steps[${i}] (${step.title})`;
    const need = (ok: boolean, what: string) => {
      if (!ok) out.push({ file, line: null, message: `${where}: ${what}` });
    };
    if ('function' in run && typeof run.function === 'string')
      need(functions.has(run.function), `no function "${run.function}" in the demo's world`);
    if ('queue' in run) need(queues.has(run.queue), `no queue "${run.queue}" in the demo's world`);
    if (run.do === 'putPolicy') need(roles.has(run.role), `no role "${run.role}" in the demo's world`);
    if (run.do === 'deploy') need(hasDir(run.dir), `no files under ${demo.baseDir}/${run.dir}`);
  });
  return out;
}
