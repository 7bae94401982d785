/** DynamoDB: tables, an item grid, and a JSON editor per item whose errors come from the service itself. */
import { useState } from 'react';
import type { JsonObject, LiveWorld, TableView } from '../../controller/console/consoleKit';
import { CreateTable } from './CreateTable';
import { ActionStatus, Field, useAction } from './formParts';
import { type Kit, useWorldRead } from './labLink';
import { NotReady, ResourcePicker } from './ResourcePicker';
import { TableIndexes } from './TableIndexes';

/** One attribute value, as the console's grid prints it: strings plain, numbers bare, the rest as JSON. */
export function cellText(value: unknown): string {
  if (value === undefined) return '';
  if (value !== null && typeof value === 'object') {
    const [type, v] = Object.entries(value as Record<string, unknown>)[0] ?? [];
    if ((type === 'S' || type === 'N') && typeof v === 'string') return v;
    if (type === 'BOOL' || type === 'NULL') return String(v);
  }
  return JSON.stringify(value);
}

const keyOf = (t: TableView, item: JsonObject): JsonObject => {
  const key: JsonObject = { [t.partitionKey.name]: item[t.partitionKey.name] ?? null };
  if (t.sortKey) key[t.sortKey.name] = item[t.sortKey.name] ?? null;
  return key;
};

const template = (t: TableView): string =>
  JSON.stringify(
    {
      [t.partitionKey.name]: { [t.partitionKey.type]: t.partitionKey.type === 'N' ? '1' : 'value' },
      ...(t.sortKey
        ? { [t.sortKey.name]: { [t.sortKey.type]: t.sortKey.type === 'N' ? '1' : 'value' } }
        : {}),
    },
    null,
    2,
  );

export function DynamoSection() {
  const data = useWorldRead((kit, live) => kit.listTables(live.lab));
  const [chosen, setChosen] = useState('');
  if ('missing' in data) return <NotReady why={data.missing} />;
  const { kit, live, value: tables } = data;
  const table = tables.find((t) => t.name === chosen) ?? tables[0];
  return (
    <div className="res-section">
      <CreateTable kit={kit} live={live} onCreated={setChosen} />
      <ResourcePicker
        label="Table"
        items={tables.map((t) => t.name)}
        value={table?.name ?? ''}
        onChange={setChosen}
        testId="resources.ddb.table"
        empty="No tables yet. Create one above."
      />
      {table ? <ItemGrid key={table.name} kit={kit} live={live} table={table} /> : null}
      {table ? <TableIndexes key={`${table.name}.indexes`} kit={kit} live={live} table={table} /> : null}
    </div>
  );
}

function ItemGrid({ kit, live, table }: { kit: Kit; live: LiveWorld; table: TableView }) {
  // The item being edited: its original key (null for a new item) and the JSON text.
  const [editing, setEditing] = useState<{ key: string | null; text: string } | null>(null);
  const [state, run, clear] = useAction();
  const keyText = (item: JsonObject) => JSON.stringify(keyOf(table, item));
  const save = async () => {
    if (!editing) return;
    const ok = await run(
      () => kit.putItem(live, table.name, editing.text),
      () => `Saved the item in ${table.name}.`,
    );
    if (ok) setEditing(null);
  };
  const remove = (item: JsonObject) =>
    void run(
      () => kit.deleteItem(live, table.name, keyOf(table, item)),
      () => `Deleted the item ${cellText(item[table.partitionKey.name])}.`,
    );
  return (
    <>
      <p className="muted">
        Partition key <code>{table.partitionKey.name}</code> ({table.partitionKey.type})
        {table.sortKey ? (
          <>
            , sort key <code>{table.sortKey.name}</code> ({table.sortKey.type})
          </>
        ) : null}
        {table.streamViewType ? ` · stream: ${table.streamViewType}` : ''} · {table.itemCount} item
        {table.itemCount === 1 ? '' : 's'}
      </p>
      <div className="res-scroll">
        <table className="res-table" data-testid="resources.ddb.grid" aria-label={`Items in ${table.name}`}>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {table.items.length === 0 ? (
              <tr>
                <td colSpan={table.columns.length + 1} className="muted">
                  No items.
                </td>
              </tr>
            ) : null}
            {table.items.map((item) => {
              const label = cellText(item[table.partitionKey.name]);
              return (
                <tr key={keyText(item)} data-key={label}>
                  {table.columns.map((c) => (
                    <td key={c}>{cellText(item[c])}</td>
                  ))}
                  <td className="res-actions">
                    <button
                      type="button"
                      onClick={() => {
                        clear();
                        setEditing({ key: keyText(item), text: JSON.stringify(item, null, 2) });
                      }}
                      data-testid="resources.ddb.edit"
                    >
                      Edit<span className="visually-hidden"> item {label}</span>
                    </button>
                    <button type="button" onClick={() => remove(item)} disabled={state.busy}>
                      Delete<span className="visually-hidden"> item {label}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {table.truncated ? (
        <p className="hint">Showing the first {table.items.length} items of a Scan.</p>
      ) : null}
      {editing ? (
        <form
          className="res-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field
            label={editing.key === null ? 'New item (DynamoDB JSON)' : 'Edit item (DynamoDB JSON)'}
            hint='Each attribute is {"TYPE": value}: S string, N number (as a string), BOOL, L list, M map. Saving is a PutItem: it replaces the whole item.'
          >
            {(id, hintId) => (
              <textarea
                id={id}
                aria-describedby={hintId}
                aria-invalid={state.error !== null}
                rows={8}
                value={editing.text}
                onChange={(e) => setEditing({ ...editing, text: e.target.value })}
                data-testid="resources.ddb.editor"
                spellCheck={false}
                className="res-code"
              />
            )}
          </Field>
          <div className="res-buttons">
            <button type="submit" className="primary" disabled={state.busy} data-testid="resources.ddb.save">
              Save item
            </button>
            <button
              type="button"
              onClick={() => {
                clear();
                setEditing(null);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => {
            clear();
            setEditing({ key: null, text: template(table) });
          }}
          data-testid="resources.ddb.new"
        >
          Create item
        </button>
      )}
      <ActionStatus state={state} testId="resources.ddb" />
    </>
  );
}
