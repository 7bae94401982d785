/** `lambda-lab generate-event SOURCE KIND [--option value]...`, like `sam local generate-event`. */
import { buildTemplate, EVENT_TEMPLATES, findTemplate } from '../host/eventTemplates';
import { type CommandOutput, UsageError } from './invokeCommand';

export function listTemplates(): string[] {
  return EVENT_TEMPLATES.map((t) => {
    const options = t.options.map((o) => ` [--${o.name} ${JSON.stringify(o.default)}]`).join('');
    return `${t.source} ${t.kind}${options}\n    ${t.title}`;
  });
}

export function generateEvent(
  source: string,
  kind: string,
  options: Readonly<Record<string, string>>,
): CommandOutput {
  const template = findTemplate(source, kind);
  if (!template) {
    const kinds = EVENT_TEMPLATES.filter((t) => t.source === source).map((t) => t.kind);
    const hint =
      kinds.length > 0
        ? `Kinds of ${source}: ${kinds.join(', ')}.`
        : `Sources: ${[...new Set(EVENT_TEMPLATES.map((t) => t.source))].join(', ')}.`;
    throw new UsageError(`No sample event "${source} ${kind}". ${hint}`);
  }
  try {
    return { stdout: [JSON.stringify(buildTemplate(template, options), null, 2)], stderr: [], exitCode: 0 };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
