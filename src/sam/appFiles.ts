/**
 * An application's files (a folder, a .zip, dropped files: path -> text) as the template reader's input:
 * which file is the template, and the saved test events (`events/<function>/<name>.json`, or
 * `events/<name>.json` for every function, as `sam init` lays them out).
 */
import { TemplateError } from './templateFile';
import type { ReadInput } from './templateNames';

export const TEMPLATE_NAMES = ['template.yaml', 'template.yml', 'template.json'] as const;

/** Drops a folder every path shares (a zip of `my-app/`), so paths start at the template's folder. */
export function rootAtTemplate(files: Readonly<Record<string, string>>): Record<string, string> {
  const paths = Object.keys(files);
  const template = paths
    .filter((p) => (TEMPLATE_NAMES as readonly string[]).includes(p.split('/').pop() ?? ''))
    .sort((a, b) => a.split('/').length - b.split('/').length)[0];
  if (template === undefined) return { ...files };
  const prefix = template.slice(0, template.length - (template.split('/').pop() ?? '').length);
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files))
    if (path.startsWith(prefix)) out[path.slice(prefix.length)] = text;
  return out;
}

export function appInput(
  all: Readonly<Record<string, string>>,
  templatePath?: string,
): Omit<ReadInput, 'parameterOverrides' | 'stackName'> {
  const files = templatePath === undefined ? rootAtTemplate(all) : { ...all };
  const name = templatePath ?? TEMPLATE_NAMES.find((n) => files[n] !== undefined);
  const text = name === undefined ? undefined : files[name];
  if (name === undefined || text === undefined)
    throw new TemplateError(
      templatePath ?? 'template.yaml',
      0,
      `no ${TEMPLATE_NAMES.join(', ')} among the files`,
    );
  return {
    templatePath: name,
    text,
    files,
    events: (fn, logicalId) => {
      const out: Record<string, string> = {};
      for (const [path, body] of Object.entries(files)) {
        const m = /^events\/(?:([^/]+)\/)?([^/]+)\.json$/.exec(path);
        if (m && (m[1] === undefined || m[1] === fn || m[1] === logicalId)) out[m[2] as string] = body;
      }
      return out;
    },
  };
}
