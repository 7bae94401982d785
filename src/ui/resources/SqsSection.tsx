/** SQS: queues with their counts (available, in flight, delayed, dead-lettered), sending, and Lambda triggers. */
import { useState } from 'react';
import type { LiveWorld, MessageAttributeInput, QueueView } from '../../controller/console/consoleKit';
import { AttributeRows } from './AttributeRows';
import { CreateQueue } from './CreateQueue';
import { ActionStatus, FunctionSelect, NumberField, pickFunction, TextField, useAction } from './formParts';
import { type Kit, useWorldRead } from './labLink';
import { NotReady, ResourcePicker } from './ResourcePicker';

export function SqsSection() {
  const data = useWorldRead((kit, live) => ({
    queues: kit.listQueues(live.lab),
    functions: kit.functionNames(live.lab),
  }));
  const [chosen, setChosen] = useState('');
  if ('missing' in data) return <NotReady why={data.missing} />;
  const { kit, live } = data;
  const { queues, functions } = data.value;
  const queue = queues.find((q) => q.name === chosen) ?? queues[0];
  return (
    <div className="res-section">
      <CreateQueue kit={kit} live={live} onCreated={setChosen} />
      {queues.length > 0 ? <QueueTable queues={queues} /> : null}
      <ResourcePicker
        label="Queue"
        items={queues.map((q) => q.name)}
        value={queue?.name ?? ''}
        onChange={setChosen}
        testId="resources.sqs.queue"
        empty="No queues yet. Create one above."
      />
      {queue ? (
        <>
          <Counts queue={queue} dlq={queues.find((q) => q.name === queue.redrive?.deadLetterQueue)} />
          <SendMessage kit={kit} live={live} queue={queue} />
          <QueueTriggers kit={kit} live={live} queue={queue} functions={functions} />
        </>
      ) : null}
    </div>
  );
}

function QueueTable({ queues }: { queues: readonly QueueView[] }) {
  return (
    <div className="res-scroll">
      <table className="res-table">
        <caption className="visually-hidden">Queues and their message counts</caption>
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col">Available</th>
            <th scope="col">In flight</th>
            <th scope="col">Delayed</th>
            <th scope="col">Dead-lettered</th>
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => (
            <tr key={q.name}>
              <th scope="row">
                {q.name}
                {q.deadLetterFor.length > 0 ? (
                  <span className="muted"> (DLQ of {q.deadLetterFor.join(', ')})</span>
                ) : null}
              </th>
              <td>{q.visible}</td>
              <td>{q.inFlight}</td>
              <td>{q.delayed}</td>
              <td>{q.redrive ? q.redriven : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Counts({ queue, dlq }: { queue: QueueView; dlq: QueueView | undefined }) {
  const dlqHolds = dlq ? dlq.visible + dlq.inFlight + dlq.delayed : 0;
  return (
    <p
      className="res-counts"
      data-testid="resources.sqs.counts"
      data-visible={queue.visible}
      data-inflight={queue.inFlight}
      data-delayed={queue.delayed}
      data-redriven={queue.redriven}
      data-dlq={dlqHolds}
      aria-live="polite"
    >
      <span>
        Available <strong>{queue.visible}</strong>
      </span>
      <span>
        In flight <strong>{queue.inFlight}</strong>
      </span>
      <span>
        Delayed <strong>{queue.delayed}</strong>
      </span>
      {queue.redrive ? (
        <span>
          Moved to {queue.redrive.deadLetterQueue} <strong>{queue.redriven}</strong> (after{' '}
          {queue.redrive.maxReceiveCount} receives; it holds {dlqHolds})
        </span>
      ) : (
        <span className="muted">No dead-letter queue</span>
      )}
      <span className="muted">Visibility timeout {queue.visibilityTimeoutS} s</span>
    </p>
  );
}

function SendMessage({ kit, live, queue }: { kit: Kit; live: LiveWorld; queue: QueueView }) {
  const [body, setBody] = useState('{"hello": "queue"}');
  const [attributes, setAttributes] = useState<MessageAttributeInput[]>([]);
  const [delay, setDelay] = useState(0);
  const [group, setGroup] = useState('group-1');
  const [dedup, setDedup] = useState('');
  const [state, run] = useAction();
  return (
    <form
      className="res-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () =>
            kit.sendMessage(live, queue.url, {
              body,
              attributes,
              delaySeconds: queue.fifo ? undefined : delay,
              groupId: queue.fifo ? group : undefined,
              dedupId: queue.fifo ? dedup : undefined,
            }),
          // A FIFO duplicate (same deduplication ID within 5 minutes) answers with the first message's id.
          (r) =>
            `Sent message ${String(r.MessageId)}${r.SequenceNumber ? ` (sequence number ${String(r.SequenceNumber)})` : ''} to ${queue.name}.`,
        );
      }}
    >
      <h4>Send a message</h4>
      <TextField label="Message body" rows={3} value={body} onChange={setBody} testId="resources.sqs.body" />
      <AttributeRows rows={attributes} onChange={setAttributes} testId="resources.sqs.attributes" />
      {queue.fifo ? (
        <>
          <TextField label="Message group ID" value={group} onChange={setGroup} />
          <TextField
            label="Deduplication ID (blank: a new one each time)"
            value={dedup}
            onChange={setDedup}
            testId="resources.sqs.dedup"
          />
        </>
      ) : (
        <NumberField label="Delivery delay (seconds)" value={delay} onChange={setDelay} min={0} max={900} />
      )}
      <button type="submit" className="primary" disabled={state.busy} data-testid="resources.sqs.send">
        Send message
      </button>
      <ActionStatus state={state} testId="resources.sqs.send" />
    </form>
  );
}

function QueueTriggers({
  kit,
  live,
  queue,
  functions,
}: {
  kit: Kit;
  live: LiveWorld;
  queue: QueueView;
  functions: readonly string[];
}) {
  const [fn, setFn] = useState('');
  const [batch, setBatch] = useState(10);
  const [state, run] = useAction();
  const target = pickFunction(functions, fn);
  return (
    <form
      className="res-create"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () => kit.addEventSourceTrigger(live, queue.arn, target, batch),
          () => `Lambda now polls ${queue.name} for ${target} in batches of up to ${batch}.`,
        );
      }}
    >
      <h4 className="res-wide">Lambda triggers</h4>
      {queue.triggers.length === 0 ? (
        <p className="muted res-wide">None: messages wait until something receives them.</p>
      ) : (
        <ul className="res-list res-wide" data-testid="resources.sqs.triggers">
          {queue.triggers.map((t) => (
            <li key={t.uuid}>
              {t.functionName}, batch size {t.batchSize}
            </li>
          ))}
        </ul>
      )}
      <FunctionSelect
        functions={functions}
        value={target}
        onChange={setFn}
        testId="resources.sqs.trigger.function"
      />
      <NumberField label="Batch size" value={batch} onChange={setBatch} min={1} max={10000} />
      <button type="submit" disabled={state.busy || target === ''} data-testid="resources.sqs.trigger.add">
        Add trigger
      </button>
      <ActionStatus state={state} testId="resources.sqs.trigger" />
      {state.error?.includes('execution role') ? (
        <p className="hint res-wide">
          Lambda polls the queue with the function's execution role: give it the
          AWSLambdaSQSQueueExecutionRole policy in the function's configuration, deploy, then add the trigger
          again.
        </p>
      ) : null}
    </form>
  );
}
