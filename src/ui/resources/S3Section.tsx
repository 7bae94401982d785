/** S3: buckets, their objects, uploads by drag-and-drop or file picker, and event notifications to Lambda. */
import { type DragEvent, useRef, useState } from 'react';
import type { BucketView, LiveWorld } from '../../controller/console/consoleKit';
import {
  ActionStatus,
  CreateForm,
  Field,
  FunctionSelect,
  formatBytes,
  formatTime,
  pickFunction,
  SelectField,
  saying,
  useAction,
} from './formParts';
import { type Kit, useWorldRead } from './labLink';
import { NotReady, ResourcePicker } from './ResourcePicker';

const EVENT_TYPES = [
  ['s3:ObjectCreated:*', 'All object create events'],
  ['s3:ObjectCreated:Put', 'PUT'],
  ['s3:ObjectRemoved:*', 'All object removal events'],
] as const;

export function S3Section() {
  const data = useWorldRead((kit, live) => ({
    buckets: kit.listBuckets(live.lab),
    functions: kit.functionNames(live.lab),
  }));
  const [chosen, setChosen] = useState('');
  if ('missing' in data) return <NotReady why={data.missing} />;
  const { kit, live } = data;
  const { buckets, functions } = data.value;
  const bucket = buckets.find((b) => b.name === chosen) ?? buckets[0];
  return (
    <div className="res-section">
      <CreateBucket kit={kit} live={live} onCreated={setChosen} />
      <ResourcePicker
        label="Bucket"
        items={buckets.map((b) => b.name)}
        value={bucket?.name ?? ''}
        onChange={setChosen}
        testId="resources.s3.bucket"
        empty="No buckets yet. Create one above."
      />
      {bucket ? <BucketDetails kit={kit} live={live} bucket={bucket} functions={functions} /> : null}
    </div>
  );
}

function CreateBucket({
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
      what="bucket"
      hint="3-63 lowercase letters, numbers, dots and hyphens."
      testId="resources.s3.create"
      create={(name) => saying(kit.createBucket(live, name), () => `Created bucket ${name}.`)}
      onCreated={onCreated}
    />
  );
}

interface BucketProps {
  readonly kit: Kit;
  readonly live: LiveWorld;
  readonly bucket: BucketView;
  readonly functions: readonly string[];
}

function BucketDetails({ kit, live, bucket, functions }: BucketProps) {
  const [over, setOver] = useState(false);
  const [state, run] = useAction();
  const input = useRef<HTMLInputElement>(null);
  const upload = async (files: readonly File[]) => {
    for (const file of files) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const ok = await run(
        () => kit.uploadObject(live, bucket.name, { key: file.name, bytes, contentType: file.type }),
        () =>
          `Uploaded ${file.name} (${formatBytes(bytes.length)}) to ${bucket.name}.` +
          (bucket.notifications.length > 0 ? ' Its event notifications fire as virtual time plays.' : ''),
      );
      if (!ok) return;
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void upload([...e.dataTransfer.files]);
  };
  return (
    <>
      <section
        className={`res-drop${over ? ' over' : ''}`}
        aria-label={`Upload to ${bucket.name}`}
        data-testid="resources.s3.drop"
        data-bucket={bucket.name}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span>
          Drop files here to upload them to <strong>{bucket.name}</strong>, or
        </span>
        <button type="button" onClick={() => input.current?.click()} disabled={state.busy}>
          Choose files…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          data-testid="resources.s3.file"
          onChange={(e) => {
            void upload([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
        <span className="hint">Up to 10 MiB a file: objects live in this tab's memory.</span>
      </section>
      <ActionStatus state={state} testId="resources.s3.upload" />
      <h4>
        Objects ({bucket.objects.length}
        {bucket.truncated ? '+' : ''})
      </h4>
      {bucket.objects.length === 0 ? (
        <p className="muted">The bucket is empty.</p>
      ) : (
        <div className="res-scroll">
          <table className="res-table" data-testid="resources.s3.objects">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Size</th>
                <th scope="col">Type</th>
                <th scope="col">Last modified</th>
              </tr>
            </thead>
            <tbody>
              {bucket.objects.map((o) => (
                <tr key={o.key}>
                  <td>
                    <code>{o.key}</code>
                  </td>
                  <td>{formatBytes(o.size)}</td>
                  <td>{o.contentType}</td>
                  <td>{formatTime(o.lastModified)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Notifications kit={kit} live={live} bucket={bucket} functions={functions} />
    </>
  );
}

function Notifications({ kit, live, bucket, functions }: BucketProps) {
  const [fn, setFn] = useState('');
  const [events, setEvents] = useState<string>(EVENT_TYPES[0][0]);
  const [suffix, setSuffix] = useState('');
  const [state, run] = useAction();
  const target = pickFunction(functions, fn);
  return (
    <>
      <h4>Event notifications</h4>
      {bucket.notifications.length === 0 ? (
        <p className="muted">None: uploads invoke nothing yet.</p>
      ) : (
        <ul className="res-list" data-testid="resources.s3.notifications">
          {bucket.notifications.map((n) => (
            <li key={n.id}>
              {n.events.join(', ')} → {n.kind} <code>{n.targetArn.split(':').pop()}</code>
              {n.prefix ? ` (prefix ${n.prefix})` : ''}
              {n.suffix ? ` (suffix ${n.suffix})` : ''}
            </li>
          ))}
        </ul>
      )}
      <form
        className="res-create"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () => kit.addBucketTrigger(live, bucket.name, target, { events: [events], suffix }),
            () =>
              `Objects in ${bucket.name} now invoke ${target} (asynchronously). S3 got permission to invoke it.`,
          );
        }}
      >
        <FunctionSelect
          functions={functions}
          value={target}
          onChange={setFn}
          testId="resources.s3.trigger.function"
        />
        <SelectField label="Event types" value={events} options={EVENT_TYPES} onChange={setEvents} />
        <Field label="Suffix (optional)">
          {(id) => (
            <input id={id} value={suffix} onChange={(e) => setSuffix(e.target.value)} placeholder=".jpg" />
          )}
        </Field>
        <button type="submit" disabled={state.busy || target === ''} data-testid="resources.s3.trigger.add">
          Add notification
        </button>
        <ActionStatus state={state} testId="resources.s3.trigger" />
      </form>
    </>
  );
}
