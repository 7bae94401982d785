/** Small pieces the resource forms share: running a console action with its outcome shown inline. */
import { type ReactNode, useCallback, useId, useRef, useState } from 'react';
import type { ActionResult } from '../../controller/console/consoleKit';
import { useLabStore } from '../../store/labStore';
import { runDeploy, useDeployStatus } from '../editor/deployStatus';

export interface ActionState {
  readonly busy: boolean;
  readonly error: string | null;
  readonly message: string | null;
}

const IDLE: ActionState = { busy: false, error: null, message: null };

/** Runs one action at a time; the outcome (a service error or a success line) replaces the last one. */
export function useAction(): [
  ActionState,
  <T>(action: () => Promise<ActionResult<T>>, summarize: (value: T) => string) => Promise<boolean>,
  () => void,
] {
  const [state, setState] = useState<ActionState>(IDLE);
  const busy = useRef(false);
  const run = useCallback(
    async <T,>(action: () => Promise<ActionResult<T>>, summarize: (value: T) => string): Promise<boolean> => {
      if (busy.current) return false;
      busy.current = true;
      setState({ busy: true, error: null, message: null });
      try {
        const r = await action();
        setState(r.ok ? { ...IDLE, message: summarize(r.value) } : { ...IDLE, error: r.error });
        return r.ok;
      } catch (e) {
        setState({ ...IDLE, error: e instanceof Error ? e.message : String(e) });
        return false;
      } finally {
        busy.current = false;
      }
    },
    [],
  );
  return [state, run, useCallback(() => setState(IDLE), [])];
}

/** The outcome of the last action, where the learner is looking; errors are announced. */
export function ActionStatus({ state, testId }: { state: ActionState; testId: string }) {
  if (state.error)
    return (
      <p className="inline-error" role="alert" data-testid={`${testId}.error`}>
        {state.error}
      </p>
    );
  if (state.message)
    return (
      <p className="res-ok" role="status" data-testid={`${testId}.ok`}>
        {state.message}
      </p>
    );
  return null;
}

/** A labelled control: the label sits above the input, the hint below it. */
export function Field({
  label,
  hint,
  children,
}: {
  label: string;
  hint?: string;
  children: (id: string, hintId: string | undefined) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="res-field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/** A whole number between min and max; the service judges anything outside its own limits. */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  testId,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  min: number;
  max: number;
  testId?: string;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <input
          id={id}
          type="number"
          min={min}
          max={max}
          value={value}
          onChange={(e) => onChange(Number(e.target.value))}
          className="res-narrow"
          data-testid={testId}
        />
      )}
    </Field>
  );
}

export function TextField({
  label,
  value,
  onChange,
  testId,
  placeholder,
  rows,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  testId?: string;
  placeholder?: string;
  /** A multi-line text area of this many rows; a one-line input when absent. */
  rows?: number;
}) {
  return (
    <Field label={label}>
      {(id) =>
        rows === undefined ? (
          <input
            id={id}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            placeholder={placeholder}
            data-testid={testId}
            spellCheck={false}
          />
        ) : (
          <textarea
            id={id}
            rows={rows}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            placeholder={placeholder}
            data-testid={testId}
            spellCheck={false}
          />
        )
      }
    </Field>
  );
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (v: T) => void;
  testId?: string;
}) {
  return (
    <Field label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)} data-testid={testId}>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * "New <thing> name" with a Create button and the outcome below: the form every service's Create uses.
 * `create` returns the summary to show on success; the field clears and `onCreated` gets the name.
 */
export function CreateForm({
  what,
  hint,
  testId,
  create,
  onCreated,
  children,
}: {
  what: string;
  hint: string;
  testId: string;
  create: (name: string) => Promise<ActionResult<string>>;
  onCreated: (name: string) => void;
  children?: ReactNode;
}) {
  const [name, setName] = useState('');
  const [state, run] = useAction();
  const submit = async () => {
    const n = name.trim();
    if (
      await run(
        () => create(n),
        (summary) => summary,
      )
    ) {
      onCreated(n);
      setName('');
    }
  };
  return (
    <form
      className="res-create"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label={`New ${what} name`} hint={hint}>
        {(id, hintId) => (
          <input
            id={id}
            aria-describedby={hintId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            data-testid={`${testId}.name`}
            spellCheck={false}
          />
        )}
      </Field>
      {children}
      <button type="submit" disabled={state.busy || name.trim() === ''} data-testid={testId}>
        Create {what}
      </button>
      <ActionStatus state={state} testId={testId} />
    </form>
  );
}

/** Maps an action's value to the sentence shown when it succeeds. */
export async function saying<T>(
  result: Promise<ActionResult<T>>,
  summary: (value: T) => string,
): Promise<ActionResult<string>> {
  const r = await result;
  return r.ok ? { ok: true, value: summary(r.value) } : r;
}

/**
 * Picks one of the world's (deployed) functions. The function open in the editor is named even before
 * its first Test: one click deploys it, and then it can be picked here.
 */
export function FunctionSelect({
  functions,
  value,
  onChange,
  testId,
}: {
  functions: readonly string[];
  value: string;
  onChange: (name: string) => void;
  testId: string;
}) {
  const open = useLabStore((s) => s.workspace.activeFunction);
  const deploying = useDeployStatus().state === 'deploying';
  const undeployed = open !== '' && !functions.includes(open);
  return (
    <Field
      label="Function"
      hint={undeployed ? `${open}, open in the editor, is not deployed yet.` : undefined}
    >
      {(id, hintId) => (
        <span className="res-function-pick">
          <select
            id={id}
            aria-describedby={hintId}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            data-testid={testId}
            disabled={functions.length === 0}
          >
            {functions.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
          {undeployed ? (
            <button
              type="button"
              onClick={() => void runDeploy()}
              disabled={deploying}
              data-testid={`${testId}.deploy`}
            >
              {deploying ? 'Deploying…' : `Deploy ${open}`}
            </button>
          ) : null}
        </span>
      )}
    </Field>
  );
}

/** The function to preselect: the one chosen if it still exists, else the first. */
export function pickFunction(functions: readonly string[], chosen: string): string {
  return functions.includes(chosen) ? chosen : (functions[0] ?? '');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n.toLocaleString('en-US')} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** Virtual time as UTC, the way CloudWatch and the S3 console print it. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', ' UTC');
}
