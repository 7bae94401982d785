/** The Create table form: a name, a partition key, an optional sort key, and a stream for Lambda triggers. */
import { useState } from 'react';
import type { LiveWorld } from '../../controller/console/consoleKit';
import { CreateForm, Field, SelectField, saying } from './formParts';
import type { Kit } from './labLink';

type KeyType = 'S' | 'N' | 'B';

const KEY_TYPES = [
  ['S', 'String'],
  ['N', 'Number'],
  ['B', 'Binary'],
] as const;

function KeyInputs({
  label,
  name,
  type,
  onName,
  onType,
  testId,
}: {
  label: string;
  name: string;
  type: KeyType;
  onName: (v: string) => void;
  onType: (v: KeyType) => void;
  testId: string;
}) {
  return (
    <>
      <Field label={label}>
        {(id) => (
          <input
            id={id}
            value={name}
            onChange={(e) => onName(e.target.value)}
            data-testid={testId}
            spellCheck={false}
          />
        )}
      </Field>
      <SelectField label={`${label} type`} value={type} options={KEY_TYPES} onChange={onType} />
    </>
  );
}

export function CreateTable({
  kit,
  live,
  onCreated,
}: {
  kit: Kit;
  live: LiveWorld;
  onCreated: (name: string) => void;
}) {
  const [pk, setPk] = useState('id');
  const [pkType, setPkType] = useState<KeyType>('S');
  const [sk, setSk] = useState('');
  const [skType, setSkType] = useState<KeyType>('S');
  const [stream, setStream] = useState(false);
  return (
    <CreateForm
      what="table"
      hint="3-255 letters, numbers, _ - and dots."
      testId="resources.ddb.create"
      create={(name) =>
        saying(
          kit.createTable(live, {
            name,
            partitionKey: { name: pk.trim(), type: pkType },
            sortKey: sk.trim() ? { name: sk.trim(), type: skType } : null,
            stream,
          }),
          () => `Created table ${name}.`,
        )
      }
      onCreated={onCreated}
    >
      <KeyInputs
        label="Partition key"
        name={pk}
        type={pkType}
        onName={setPk}
        onType={setPkType}
        testId="resources.ddb.create.pk"
      />
      <KeyInputs
        label="Sort key (optional)"
        name={sk}
        type={skType}
        onName={setSk}
        onType={setSkType}
        testId="resources.ddb.create.sk"
      />
      <label className="res-check">
        <input type="checkbox" checked={stream} onChange={(e) => setStream(e.target.checked)} /> Stream (new
        and old images)
      </label>
    </CreateForm>
  );
}
