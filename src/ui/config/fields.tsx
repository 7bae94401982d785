/** Labelled inputs for the Configuration panel; an error shows under its field and is announced. */
import { type ReactNode, useEffect, useId, useState } from 'react';

export function FieldError({ error, testId }: { error: string | undefined; testId: string }) {
  if (!error) return null;
  return (
    <p className="inline-error cfg-error" role="alert" data-testid={`${testId}.error`}>
      {error}
    </p>
  );
}

export interface FieldProps {
  readonly label: string;
  readonly hint?: ReactNode;
  readonly error?: string;
  readonly testId: string;
}

/** Label above, control, then hint and error; the control is described by both. */
export function Field({
  label,
  hint,
  error,
  testId,
  children,
}: FieldProps & { children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="cfg-field">
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy)}
      {error ? (
        <p className="inline-error cfg-error" role="alert" id={errorId} data-testid={`${testId}.error`}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/**
 * A whole number. What the learner types stays in the box; only a whole number reaches the draft (a
 * half-typed "12." does not), and Lambda's own range rules answer through `error`.
 */
export function NumberField({
  value,
  onChange,
  unit,
  min,
  max,
  ...field
}: FieldProps & { value: number; onChange: (n: number) => void; unit?: string; min?: number; max?: number }) {
  const [text, setText] = useState(String(value));
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    setText((t) => (Number(t) === value && t.trim() !== '' ? t : String(value)));
  }, [value]);
  return (
    <Field {...field} error={local ?? field.error}>
      {(id, describedBy) => (
        <span className="cfg-number">
          <input
            id={id}
            type="number"
            inputMode="numeric"
            step={1}
            min={min}
            max={max}
            value={text}
            aria-describedby={describedBy}
            aria-invalid={Boolean(local ?? field.error)}
            data-testid={field.testId}
            onChange={(e) => {
              const next = e.target.value;
              setText(next);
              const n = Number(next);
              if (next.trim() === '' || !Number.isInteger(n)) setLocal('Enter a whole number.');
              else {
                setLocal(null);
                onChange(n);
              }
            }}
          />
          {unit ? <span className="muted">{unit}</span> : null}
        </span>
      )}
    </Field>
  );
}

export function TextField({
  value,
  onChange,
  placeholder,
  ...field
}: FieldProps & { value: string; onChange: (text: string) => void; placeholder?: string }) {
  return (
    <Field {...field}>
      {(id, describedBy) => (
        <input
          id={id}
          type="text"
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          aria-describedby={describedBy}
          aria-invalid={Boolean(field.error)}
          data-testid={field.testId}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

export function SelectField<T extends string>({
  value,
  options,
  onChange,
  ...field
}: FieldProps & {
  value: T;
  options: readonly (T | { value: T; label: string })[];
  onChange: (v: T) => void;
}) {
  return (
    <Field {...field}>
      {(id, describedBy) => (
        <select
          id={id}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={Boolean(field.error)}
          data-testid={field.testId}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {options.map((o) => {
            const opt = typeof o === 'string' ? { value: o, label: o } : o;
            return (
              <option key={opt.value} value={opt.value}>
                {opt.label}
              </option>
            );
          })}
        </select>
      )}
    </Field>
  );
}

export function Checkbox({
  checked,
  onChange,
  label,
  testId,
  hint,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  testId: string;
  hint?: ReactNode;
}) {
  return (
    <label className="cfg-check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      <span>
        {label}
        {hint ? <span className="hint cfg-check-hint">{hint}</span> : null}
      </span>
    </label>
  );
}

/** A labelled group of settings with an optional note on how the lab models them. */
export function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section className="cfg-section" aria-label={title} data-testid={testId}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** A small "modeled" tag: the number is the lab's model, not a measurement. */
export const Modeled = () => <span className="cfg-modeled">modeled</span>;
