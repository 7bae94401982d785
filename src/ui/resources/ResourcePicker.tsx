/** Chooses which bucket, queue, table, topic or API the section shows; says so when there is none. */

export function ResourcePicker({
  label,
  items,
  value,
  onChange,
  testId,
  empty,
}: {
  label: string;
  items: readonly string[];
  value: string;
  onChange: (name: string) => void;
  testId: string;
  empty: string;
}) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <label className="res-picker">
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {items.map((i) => (
          <option key={i} value={i}>
            {i}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A picker over resources that have an id and a name (APIs), labelled "name (id)"; chosen by id. */
export function IdPicker<T extends { readonly id: string; readonly name: string }>({
  chosen,
  items,
  onChoose,
  ...rest
}: {
  label: string;
  items: readonly T[];
  chosen: T | undefined;
  onChoose: (id: string) => void;
  testId: string;
  empty: string;
}) {
  const text = (a: T) => `${a.name} (${a.id})`;
  return (
    <ResourcePicker
      {...rest}
      items={items.map(text)}
      value={chosen ? text(chosen) : ''}
      onChange={(l) => onChoose(items.find((a) => text(a) === l)?.id ?? '')}
    />
  );
}

/** The item with this id, or the first when none has it. */
export const byIdOrFirst = <T extends { readonly id: string }>(
  items: readonly T[],
  id: string,
): T | undefined => items.find((a) => a.id === id) ?? items[0];

export function NotReady({ why }: { why: 'loading' | 'python' }) {
  if (why === 'loading') return <p className="muted">Loading…</p>;
  return (
    <p className="muted" data-testid="resources.waiting">
      The simulated AWS world starts with Python: its resources appear here once Python is ready.
    </p>
  );
}
