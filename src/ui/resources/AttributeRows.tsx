/** Message attributes as the SQS and SNS consoles take them: name, type and value, up to ten. */
import type { MessageAttributeInput } from '../../controller/console/consoleKit';

export function AttributeRows({
  rows,
  onChange,
  testId,
}: {
  rows: readonly MessageAttributeInput[];
  onChange: (rows: MessageAttributeInput[]) => void;
  testId: string;
}) {
  const set = (i: number, patch: Partial<MessageAttributeInput>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="res-attributes" data-testid={testId}>
      <legend>Message attributes</legend>
      {rows.map((r, i) => (
        // Rows have no identity beyond their position; editing one never reorders the others.
        // biome-ignore lint/suspicious/noArrayIndexKey: position is the row's identity
        <div className="res-attribute" key={i}>
          <input
            aria-label={`Attribute ${i + 1} name`}
            value={r.name}
            onChange={(e) => set(i, { name: e.target.value })}
            placeholder="Name"
          />
          <select
            aria-label={`Attribute ${i + 1} type`}
            value={r.type}
            onChange={(e) => set(i, { type: e.target.value as MessageAttributeInput['type'] })}
          >
            <option value="String">String</option>
            <option value="Number">Number</option>
          </select>
          <input
            aria-label={`Attribute ${i + 1} value`}
            value={r.value}
            onChange={(e) => set(i, { value: e.target.value })}
            placeholder="Value"
          />
          <button type="button" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove<span className="visually-hidden"> attribute {i + 1}</span>
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={rows.length >= 10}
        onClick={() => onChange([...rows, { name: '', type: 'String', value: '' }])}
      >
        Add attribute
      </button>
    </fieldset>
  );
}
