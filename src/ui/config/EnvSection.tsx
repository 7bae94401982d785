/**
 * Environment variables as key/value rows. A row reaches the draft once its key is a usable map key (not
 * empty, not a duplicate); Lambda's own rules (key pattern, reserved names, the 4 KB total) answer beside
 * the row through the field errors, so a reserved name is refused where it is typed.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { envField, type FieldErrors } from '../../controller/deploy/deployFields';
import { limits } from '../../sim';
import { useLabStore } from '../../store/labStore';
import { Section } from './fields';
import { useActiveDraft } from './useConfig';

function Row({
  keyName,
  value,
  others,
  error,
  index,
}: {
  keyName: string;
  value: string;
  others: readonly string[];
  error: string | undefined;
  index: number;
}) {
  const { setEnvVar, removeEnvVar } = useLabStore.getState();
  const [text, setText] = useState(keyName);
  const [local, setLocal] = useState<string | null>(null);
  const committed = useRef(keyName);
  const id = useId();
  // Rows are keyed by position: when the key under this row changes from outside (a row above was
  // removed), show it instead of what was typed here.
  useEffect(() => {
    if (keyName === committed.current) return;
    committed.current = keyName;
    setText(keyName);
    setLocal(null);
  }, [keyName]);
  const shown = local ?? error;
  const reserved = limits.RESERVED_ENV_KEYS.has(text.trim());
  return (
    <li className="cfg-env-row" data-testid="config.env.row">
      <input
        aria-label={`Key ${index + 1}`}
        value={text}
        spellCheck={false}
        aria-invalid={Boolean(shown)}
        aria-describedby={shown ? `${id}-error` : undefined}
        data-testid="config.env.key"
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          if (next.trim() === '') setLocal('Enter a key.');
          else if (others.includes(next)) setLocal(`${next} is already set above.`);
          else {
            setLocal(null);
            committed.current = next;
            setEnvVar(keyName, next, value);
          }
        }}
      />
      <input
        aria-label={`Value of ${keyName}`}
        value={value}
        spellCheck={false}
        data-testid="config.env.value"
        onChange={(e) => setEnvVar(keyName, keyName, e.target.value)}
      />
      <button
        type="button"
        onClick={() => removeEnvVar(keyName)}
        aria-label={`Remove ${keyName}`}
        data-testid="config.env.remove"
      >
        Remove
      </button>
      {shown ? (
        <p
          className="inline-error cfg-error cfg-env-error"
          role="alert"
          id={`${id}-error`}
          data-testid="config.env.error"
        >
          {shown}
          {reserved && !local ? ` ${text.trim()} is one of the names Lambda sets itself.` : ''}
        </p>
      ) : null}
    </li>
  );
}

/** A key no row uses yet, for a new row (the learner renames it). */
function freshKey(existing: readonly string[]): string {
  for (let i = existing.length + 1; ; i++) if (!existing.includes(`KEY_${i}`)) return `KEY_${i}`;
}

export function EnvSection({ errors }: { errors: FieldErrors }) {
  const draft = useActiveDraft();
  const setEnvVar = useLabStore((s) => s.setEnvVar);
  const keys = Object.keys(draft.environment);
  return (
    <Section title="Environment variables" testId="config.env">
      <p className="hint">
        Your code reads them with <code>os.environ</code>. Keys start with a letter and use letters, digits
        and underscores; all of them together must fit in 4 KB. Lambda sets some names itself (reserved), such
        as <code>AWS_REGION</code>, <code>_HANDLER</code> and <code>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</code>.
      </p>
      {keys.length > 0 ? (
        <ul className="cfg-env" aria-label="Environment variables">
          {keys.map((k, i) => (
            <Row
              // The key text is edited in place, so the row keeps its identity by position.
              // biome-ignore lint/suspicious/noArrayIndexKey: a row is renamed while typed
              key={i}
              index={i}
              keyName={k}
              value={draft.environment[k] ?? ''}
              others={keys.filter((o) => o !== k)}
              error={errors[envField(k)]}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">No environment variables.</p>
      )}
      {errors.env ? (
        <p className="inline-error" role="alert" data-testid="config.env.total-error">
          {errors.env}
        </p>
      ) : null}
      <button type="button" onClick={() => setEnvVar(null, freshKey(keys), '')} data-testid="config.env.add">
        Add environment variable
      </button>
    </Section>
  );
}
