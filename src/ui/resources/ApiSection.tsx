/**
 * API Gateway: create a REST API in front of a function, and a request builder that shows the invoke URL
 * with its stage and what a client gets back (status, headers, body), 502 and 504 included.
 */
import { useState } from 'react';
import type { ApiResponseView, ApiView, LiveWorld } from '../../controller/console/consoleKit';
import {
  ActionStatus,
  FunctionSelect,
  formatBytes,
  pickFunction,
  SelectField,
  TextField,
  useAction,
} from './formParts';
import type { Kit } from './labLink';
import { PickedApiSection } from './ResourcePicker';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export function ApiSection() {
  return (
    <PickedApiSection
      list={(kit, live) => kit.listApis(live.lab)}
      Create={CreateApi}
      Panel={RequestBuilder}
      label="API"
      testId="resources.api.api"
      empty="No APIs yet. Create one above, in front of a deployed function."
    />
  );
}

function CreateApi({
  kit,
  live,
  functions,
  onCreated,
}: {
  kit: Kit;
  live: LiveWorld;
  functions: readonly string[];
  onCreated: (id: string) => void;
}) {
  const [fn, setFn] = useState('');
  const [stage, setStage] = useState('default');
  const [state, run] = useAction();
  const target = pickFunction(functions, fn);
  return (
    <form
      className="res-create"
      onSubmit={(e) => {
        e.preventDefault();
        let id = '';
        void run(
          () => kit.createApi(live, { name: `${target}-API`, functionName: target, stage }),
          (r) => {
            id = r.apiId;
            return `Created REST API ${target}-API: ANY /${target} → ${target} (Lambda proxy), deployed to "${stage}".`;
          },
        ).then((ok) => ok && onCreated(id));
      }}
    >
      <FunctionSelect
        functions={functions}
        value={target}
        onChange={setFn}
        testId="resources.api.create.function"
      />
      <TextField label="Stage" value={stage} onChange={setStage} />
      <button type="submit" disabled={state.busy || target === ''} data-testid="resources.api.create">
        Create REST API
      </button>
      <ActionStatus state={state} testId="resources.api.create" />
    </form>
  );
}

function RequestBuilder({ kit, live, api }: { kit: Kit; live: LiveWorld; api: ApiView }) {
  // The API may still be getting its stage and routes when it first appears: defaults follow until edited.
  const [chosenStage, setStage] = useState<string | null>(null);
  const [method, setMethod] = useState('GET');
  const [editedPath, setPath] = useState<string | null>(null);
  const stage =
    chosenStage !== null && api.stages.includes(chosenStage) ? chosenStage : (api.stages[0] ?? '');
  const path = editedPath ?? api.routes.find((r) => !r.path.includes('{'))?.path ?? '/';
  const [query, setQuery] = useState('');
  const [headers, setHeaders] = useState('Accept: application/json');
  const [body, setBody] = useState('');
  const [response, setResponse] = useState<ApiResponseView | null>(null);
  const [state, run] = useAction();
  const url = kit.requestUrl(live, { apiId: api.id, stage, path, query });
  const send = () =>
    void run(
      () => kit.sendApiRequest(live, { apiId: api.id, stage, method, path, query, headers, body }),
      (r) => {
        setResponse(r);
        return `${r.method} answered ${r.statusCode} after ${r.latencyMs.toFixed(0)} ms of virtual time.`;
      },
    );
  return (
    <form
      className="res-form"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <p className="muted">
        Routes: {api.routes.map((r) => `${r.methods.join(' ')} ${r.path}`).join(' · ') || 'none'}
      </p>
      <div className="res-row">
        <SelectField
          label="Stage"
          value={stage}
          options={api.stages.map((x) => [x, x] as const)}
          onChange={setStage}
        />
        <SelectField
          label="Method"
          value={method}
          options={METHODS.map((m) => [m, m] as const)}
          onChange={setMethod}
          testId="resources.api.method"
        />
        <TextField label="Path" value={path} onChange={setPath} testId="resources.api.path" />
        <TextField
          label="Query string"
          value={query}
          onChange={setQuery}
          placeholder="name=Ada&lang=en"
          testId="resources.api.query"
        />
      </div>
      <p className="res-url">
        <span className="muted">Invoke URL</span> <code data-testid="resources.api.url">{url}</code>
      </p>
      <div className="res-row">
        <TextField
          label="Headers (one per line)"
          rows={2}
          value={headers}
          onChange={setHeaders}
          testId="resources.api.headers"
        />
        <TextField label="Body" rows={2} value={body} onChange={setBody} testId="resources.api.body" />
      </div>
      <button type="submit" className="primary" disabled={state.busy} data-testid="resources.api.send">
        {state.busy ? 'Waiting for the response…' : 'Send request'}
      </button>
      <ActionStatus state={state} testId="resources.api.send" />
      {response ? <ResponseView response={response} /> : null}
    </form>
  );
}

function ResponseView({ response: r }: { response: ApiResponseView }) {
  const good = r.statusCode < 400;
  return (
    <div className="res-response" aria-live="polite">
      <p>
        Status{' '}
        <strong className={good ? 'ok' : 'bad'} data-testid="resources.api.status" data-status={r.statusCode}>
          {r.statusCode}
        </strong>{' '}
        <span className="muted">
          · {r.latencyMs.toFixed(0)} ms (virtual) · API Gateway request id <code>{r.requestId}</code>
        </span>
      </p>
      {r.reason && r.reason !== 'ok' ? (
        <p className="muted" data-testid="resources.api.reason">
          API Gateway: {r.reason}
        </p>
      ) : null}
      <h4>Headers</h4>
      <pre data-testid="resources.api.responseHeaders">
        {Object.entries(r.headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n') || '(none)'}
      </pre>
      <h4>Body</h4>
      <pre data-testid="resources.api.response">{r.body ?? `(binary, ${formatBytes(r.bodyBytes)})`}</pre>
    </div>
  );
}
