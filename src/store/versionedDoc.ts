/**
 * Reading a saved document of any known format version: refuse unknown and newer ones, run the migrations
 * in order (`from version n` -> the shape of n + 1), then validate the result. The workspace and progress
 * documents both go through here, so an old save is upgraded or refused the same way.
 */
import { z } from 'zod/mini';

// zod/mini has no messages of its own: English ones, the same as full zod sets, name what is wrong in a save.
z.config(z.locales.en());

export interface DocFormat<T> {
  readonly schema: z.ZodMiniType<T>;
  readonly version: number;
  readonly migrations: Readonly<Record<number, (old: unknown) => unknown>>;
  /** Names the document in messages ("progress format 2"); null for the workspace, called "it". */
  readonly label: string | null;
  /** What an error with no issue says ("it is not a workspace"). */
  readonly notA: string;
}

export type ParsedDoc<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parseVersioned<T>(format: DocFormat<T>, data: unknown, fromVersion: number): ParsedDoc<T> {
  const named = (v: number) => `${format.label ? `${format.label} ` : ''}format ${v}`;
  if (!Number.isInteger(fromVersion) || fromVersion < 1) {
    return { ok: false, reason: `${named(fromVersion)} is unknown` };
  }
  if (fromVersion > format.version) {
    return {
      ok: false,
      reason: `it was saved by a newer Lambda Lab (${named(fromVersion)}, this lab reads up to ${format.version})`,
    };
  }
  let current = data;
  try {
    for (let v = fromVersion; v < format.version; v++) {
      const migrate = format.migrations[v];
      if (!migrate) return { ok: false, reason: `${named(v)} is unknown` };
      current = migrate(current);
    }
  } catch (error) {
    return {
      ok: false,
      reason: `${format.label ?? 'it'} could not be upgraded from format ${fromVersion}: ${describeError(error, format.notA)}`,
    };
  }
  const result = format.schema.safeParse(current);
  if (!result.success) {
    const why = describeError(result.error, format.notA);
    return { ok: false, reason: format.label ? `${format.label}: ${why}` : why };
  }
  return { ok: true, value: result.data };
}

/** The first schema issue with its path, or the error's own message. */
export function describeError(error: unknown, notA: string): string {
  if (error instanceof z.core.$ZodError) {
    const issue = error.issues[0];
    if (!issue) return notA;
    const path = issue.path.length > 0 ? issue.path.join('.') : 'the top level';
    return `${path}: ${issue.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
