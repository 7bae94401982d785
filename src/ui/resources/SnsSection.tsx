/** SNS: topics, their subscriptions (Lambda or SQS), and Publish with subject and message attributes. */
import { useState } from 'react';
import type {
  LiveWorld,
  MessageAttributeInput,
  QueueView,
  TopicView,
} from '../../controller/console/consoleKit';
import { AttributeRows } from './AttributeRows';
import {
  ActionStatus,
  CreateForm,
  FunctionSelect,
  pickFunction,
  SelectField,
  saying,
  TextField,
  useAction,
} from './formParts';
import { type Kit, useWorldRead } from './labLink';
import { NotReady, ResourcePicker } from './ResourcePicker';

export function SnsSection() {
  const data = useWorldRead((kit, live) => ({
    topics: kit.listTopics(live.lab),
    functions: kit.functionNames(live.lab),
    queues: kit.listQueues(live.lab),
  }));
  const [chosen, setChosen] = useState('');
  if ('missing' in data) return <NotReady why={data.missing} />;
  const { kit, live } = data;
  const { topics, functions, queues } = data.value;
  const topic = topics.find((t) => t.name === chosen) ?? topics[0];
  return (
    <div className="res-section">
      <CreateTopic kit={kit} live={live} onCreated={setChosen} />
      <ResourcePicker
        label="Topic"
        items={topics.map((t) => t.name)}
        value={topic?.name ?? ''}
        onChange={setChosen}
        testId="resources.sns.topic"
        empty="No topics yet. Create one above."
      />
      {topic ? (
        <>
          <Publish kit={kit} live={live} topic={topic} />
          <Subscriptions kit={kit} live={live} topic={topic} functions={functions} queues={queues} />
        </>
      ) : null}
    </div>
  );
}

function CreateTopic({
  kit,
  live,
  onCreated,
}: {
  kit: Kit;
  live: LiveWorld;
  onCreated: (name: string) => void;
}) {
  return (
    <CreateForm
      what="topic"
      hint="Letters, numbers, - and _, up to 256."
      testId="resources.sns.create"
      create={(name) => saying(kit.createTopic(live, name), () => `Created topic ${name}.`)}
      onCreated={onCreated}
    />
  );
}

function Publish({ kit, live, topic }: { kit: Kit; live: LiveWorld; topic: TopicView }) {
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('Hello from SNS');
  const [attributes, setAttributes] = useState<MessageAttributeInput[]>([]);
  const [state, run] = useAction();
  const fanOut = topic.subscriptions.length;
  return (
    <form
      className="res-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () => kit.publish(live, topic.arn, { message, subject: subject.trim(), attributes }),
          (r) =>
            `Published message ${String(r.MessageId)} to ${topic.name}: ${
              fanOut === 0
                ? 'it has no subscriptions, so no one gets it.'
                : `${fanOut === 1 ? 'its subscription gets' : `its ${fanOut} subscriptions get`} it as virtual time plays.`
            }`,
        );
      }}
    >
      <h4>Publish a message</h4>
      <TextField label="Subject (optional)" value={subject} onChange={setSubject} />
      <TextField
        label="Message"
        rows={3}
        value={message}
        onChange={setMessage}
        testId="resources.sns.message"
      />
      <AttributeRows rows={attributes} onChange={setAttributes} testId="resources.sns.attributes" />
      <button type="submit" className="primary" disabled={state.busy} data-testid="resources.sns.publish">
        Publish message
      </button>
      <ActionStatus state={state} testId="resources.sns.publish" />
    </form>
  );
}

function Subscriptions({
  kit,
  live,
  topic,
  functions,
  queues,
}: {
  kit: Kit;
  live: LiveWorld;
  topic: TopicView;
  functions: readonly string[];
  queues: readonly QueueView[];
}) {
  const [protocol, setProtocol] = useState<'lambda' | 'sqs'>('lambda');
  const [fn, setFn] = useState('');
  const [queue, setQueue] = useState('');
  const [state, run] = useAction();
  const target = pickFunction(functions, fn);
  const chosenQueue = queues.find((q) => q.name === queue) ?? queues[0];
  const queueArn = chosenQueue?.arn ?? '';
  return (
    <form
      className="res-create"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () =>
            kit.subscribe(
              live,
              topic.arn,
              protocol === 'lambda' ? { protocol, functionName: target } : { protocol, queueArn },
            ),
          () => `Subscribed ${protocol === 'lambda' ? target : queueArn.split(':').pop()} to ${topic.name}.`,
        );
      }}
    >
      <h4 className="res-wide">Subscriptions</h4>
      {topic.subscriptions.length === 0 ? (
        <p className="muted res-wide">None: a published message reaches no one.</p>
      ) : (
        <ul className="res-list res-wide" data-testid="resources.sns.subscriptions">
          {topic.subscriptions.map((s) => (
            <li key={s.arn}>
              {s.protocol}: <code>{s.endpoint.split(':').pop()}</code>
            </li>
          ))}
        </ul>
      )}
      <SelectField
        label="Protocol"
        value={protocol}
        options={[
          ['lambda', 'AWS Lambda'],
          ['sqs', 'Amazon SQS'],
        ]}
        onChange={setProtocol}
      />
      {protocol === 'lambda' ? (
        <FunctionSelect
          functions={functions}
          value={target}
          onChange={setFn}
          testId="resources.sns.subscribe.function"
        />
      ) : (
        <SelectField
          label="Queue"
          value={chosenQueue?.name ?? ''}
          options={queues.map((q) => [q.name, q.name] as const)}
          onChange={setQueue}
        />
      )}
      <button
        type="submit"
        disabled={state.busy || (protocol === 'lambda' ? target === '' : queueArn === '')}
        data-testid="resources.sns.subscribe"
      >
        Create subscription
      </button>
      <ActionStatus state={state} testId="resources.sns.subscribe" />
    </form>
  );
}
