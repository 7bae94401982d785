/** Chooses which bucket, queue, table, topic or API the section shows; says so when there is none. */
import { type ComponentType, useState } from 'react';
import type { LiveWorld } from '../../controller/console/consoleKit';
import { type Kit, useWorldRead } from './labLink';

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

type Named = { readonly id: string; readonly name: string };

/**
 * A section over APIs made in front of a function (REST, WebSocket): its create form, a picker by id (a new
 * API is picked once made), and the picked API's own panel.
 */
export function PickedApiSection<T extends Named>({
  list,
  Create,
  Panel,
  ...picker
}: {
  list: (kit: Kit, live: LiveWorld) => readonly T[];
  Create: ComponentType<{
    kit: Kit;
    live: LiveWorld;
    functions: readonly string[];
    onCreated: (id: string) => void;
  }>;
  Panel: ComponentType<{ kit: Kit; live: LiveWorld; api: T }>;
  label: string;
  testId: string;
  empty: string;
}) {
  const data = useWorldRead((kit, live) => ({
    apis: list(kit, live),
    functions: kit.functionNames(live.lab),
  }));
  const [chosen, setChosen] = useState('');
  if ('missing' in data) return <NotReady why={data.missing} />;
  const { kit, live } = data;
  const { apis, functions } = data.value;
  const api = byIdOrFirst(apis, chosen);
  return (
    <div className="res-section">
      <Create kit={kit} live={live} functions={functions} onCreated={setChosen} />
      <IdPicker {...picker} items={apis} chosen={api} onChoose={setChosen} />
      {api ? <Panel key={api.id} kit={kit} live={live} api={api} /> : null}
    </div>
  );
}
