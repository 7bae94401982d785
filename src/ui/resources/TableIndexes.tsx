/**
 * A table's secondary indexes (keys, projection, live item count) and a query of one index partition, so
 * the learner sees a sparse index and what each projection type carries.
 */
import { useState } from 'react';
import type { IndexQueryResult, LiveWorld, TableView } from '../../controller/console/consoleKit';
import { cellText } from './DynamoSection';
import { ActionStatus, SelectField, TextField, useAction } from './formParts';
import type { Kit } from './labLink';

export function TableIndexes({ kit, live, table }: { kit: Kit; live: LiveWorld; table: TableView }) {
  const [chosen, setChosen] = useState('');
  const [value, setValue] = useState('');
  const [result, setResult] = useState<IndexQueryResult | null>(null);
  const [state, run] = useAction();
  if (table.indexes.length === 0) return null;
  const index = table.indexes.find((i) => i.name === chosen) ?? table.indexes[0]!;
  const keyText = (k: { name: string; type: string } | null) => (k ? `${k.name} (${k.type})` : '');
  return (
    <form
      className="res-form"
      data-testid="resources.ddb.indexes"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () => kit.queryIndex(live, table.name, index, value),
          (r) => {
            setResult(r);
            return `${index.name}: ${r.count} item${r.count === 1 ? '' : 's'} with ${index.partitionKey.name} = ${value}.`;
          },
        );
      }}
    >
      <h4>Secondary indexes</h4>
      <ul className="muted">
        {table.indexes.map((i) => (
          <li key={i.name}>
            <code>{i.name}</code> {i.kind === 'global' ? 'GSI' : 'LSI'} · {keyText(i.partitionKey)}
            {i.sortKey ? ` + ${keyText(i.sortKey)}` : ''} · {i.projection} · {i.itemCount} items
          </li>
        ))}
      </ul>
      <div className="res-row">
        <SelectField
          label="Index"
          value={index.name}
          options={table.indexes.map((i) => [i.name, i.name] as const)}
          onChange={(n) => {
            setChosen(n);
            setResult(null);
          }}
        />
        <TextField
          label={index.partitionKey.name}
          value={value}
          onChange={setValue}
          testId="resources.ddb.index.value"
        />
        <button type="submit" disabled={state.busy} data-testid="resources.ddb.index.query">
          Query
        </button>
      </div>
      <ActionStatus state={state} testId="resources.ddb.index.query" />
      {result ? (
        <ol className="muted" data-testid="resources.ddb.index.items">
          {result.items.map((item) => (
            <li key={JSON.stringify(item)}>
              {Object.entries(item)
                .map(([k, v]) => `${k}: ${cellText(v)}`)
                .join(' · ')}
            </li>
          ))}
        </ol>
      ) : null}
    </form>
  );
}
