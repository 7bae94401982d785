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

export function NotReady({ why }: { why: 'loading' | 'python' }) {
  if (why === 'loading') return <p className="muted">Loading…</p>;
  return (
    <p className="muted" data-testid="resources.waiting">
      The simulated AWS world starts with Python: its resources appear here once Python is ready.
    </p>
  );
}
