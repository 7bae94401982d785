/**
 * Saved test events of the active function, as the console keeps them: up to ten per function, named with
 * letters, digits, dots, hyphens and underscores. Pure functions over a draft (tested without a store),
 * applied to the store by `applyToActive`.
 */
import type { LabState } from './labStore';
import type { FunctionDraft } from './workspaceDoc';

/** The console keeps at most 10 private test events per function. */
export const MAX_SAVED_EVENTS = 10;
const NAME = /^[A-Za-z0-9._-]{1,25}$/;

export type EventChange = { ok: true; draft: FunctionDraft } | { ok: false; reason: string };

export function eventNameProblem(draft: FunctionDraft, name: string): string | null {
  if (name === '') return 'Give the event a name.';
  if (!NAME.test(name))
    return 'Use up to 25 letters, digits, dots (.), hyphens (-) or underscores (_), with no spaces.';
  if (draft.events[name] !== undefined) return `This function already has an event named "${name}".`;
  if (Object.keys(draft.events).length >= MAX_SAVED_EVENTS)
    return `A function keeps at most ${MAX_SAVED_EVENTS} saved events: delete one first.`;
  return null;
}

export function addEvent(draft: FunctionDraft, name: string, json: string): EventChange {
  const problem = eventNameProblem(draft, name);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, draft: { ...draft, events: { ...draft.events, [name]: json }, activeEvent: name } };
}

export function deleteEvent(draft: FunctionDraft, name: string): EventChange {
  if (draft.events[name] === undefined) return { ok: false, reason: `There is no event named "${name}".` };
  const names = Object.keys(draft.events);
  if (names.length === 1) return { ok: false, reason: 'A function keeps at least one test event.' };
  const events = Object.fromEntries(Object.entries(draft.events).filter(([n]) => n !== name));
  const activeEvent = draft.activeEvent === name ? (Object.keys(events)[0] ?? '') : draft.activeEvent;
  return { ok: true, draft: { ...draft, events, activeEvent } };
}

export function selectEvent(draft: FunctionDraft, name: string): EventChange {
  if (draft.events[name] === undefined) return { ok: false, reason: `There is no event named "${name}".` };
  return { ok: true, draft: { ...draft, activeEvent: name } };
}

/** A name not yet taken, from `base` (base, base-2, base-3, ...), cut to the 25-character limit. */
export function freeEventName(draft: FunctionDraft, base: string): string {
  const clean = base.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 25) || 'sharedEvent';
  if (draft.events[clean] === undefined) return clean;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${clean.slice(0, 25 - suffix.length)}${suffix}`;
    if (draft.events[candidate] === undefined) return candidate;
  }
}

/** Applies a change to the active function's draft in the store; returns the refusal reason, if any. */
export function applyToActive(
  store: { getState(): LabState; setState(partial: Partial<LabState>): void },
  change: (draft: FunctionDraft) => EventChange,
): string | null {
  const { workspace } = store.getState();
  const draft = workspace.functions[workspace.activeFunction];
  if (!draft) return `The workspace has no function "${workspace.activeFunction}".`;
  const result = change(draft);
  if (!result.ok) return result.reason;
  store.setState({
    workspace: {
      ...workspace,
      functions: { ...workspace.functions, [workspace.activeFunction]: result.draft },
    },
  });
  return null;
}
