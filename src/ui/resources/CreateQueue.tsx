/** The Create queue form: standard or FIFO, optionally with a dead-letter queue after N receives. */
import { useState } from 'react';
import type { LiveWorld } from '../../controller/console/consoleKit';
import { CreateForm, NumberField, saying } from './formParts';
import type { Kit } from './labLink';

export function CreateQueue({
  kit,
  live,
  onCreated,
}: {
  kit: Kit;
  live: LiveWorld;
  onCreated: (name: string) => void;
}) {
  const [fifo, setFifo] = useState(false);
  const [withDlq, setWithDlq] = useState(true);
  const [maxReceive, setMaxReceive] = useState(3);
  return (
    <CreateForm
      what="queue"
      hint={fifo ? 'Ends in .fifo.' : 'Letters, numbers, - and _, up to 80.'}
      testId="resources.sqs.create"
      create={(name) =>
        saying(
          kit.createQueue(live, { name, fifo, deadLetter: withDlq ? { maxReceiveCount: maxReceive } : null }),
          () =>
            `Created queue ${name}${withDlq ? ` with a dead-letter queue after ${maxReceive} receives` : ''}.`,
        )
      }
      onCreated={onCreated}
    >
      <label className="res-check">
        <input type="checkbox" checked={fifo} onChange={(e) => setFifo(e.target.checked)} /> FIFO
      </label>
      <label className="res-check">
        <input type="checkbox" checked={withDlq} onChange={(e) => setWithDlq(e.target.checked)} /> Dead-letter
        queue
      </label>
      {withDlq ? (
        <NumberField
          label="Maximum receives"
          value={maxReceive}
          onChange={setMaxReceive}
          min={1}
          max={1000}
        />
      ) : null}
    </CreateForm>
  );
}
