/**
 * Function URLs: give a function its own HTTPS endpoint (AuthType NONE or AWS_IAM) and send it requests.
 * The builder shows the answer and the payload format 2.0 event the function received.
 */
import { useState } from 'react';
import type { FunctionUrlView, LiveWorld, UrlResponseView } from '../../controller/console/consoleKit';
import { ActionStatus, FunctionSelect, pickFunction, SelectField, TextField, useAction } from './formParts';
import { type Kit, useWorldRead } from './labLink';
import { NotReady, ResourcePicker } from './ResourcePicker';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
type Auth = 'NONE' | 'AWS_IAM';

export function FunctionUrlSection() {
  const data = useWorldRead((kit, live) => ({
    urls: kit.listFunctionUrls(live),
    functions: kit.functionNames(live.lab),
  }));
  const [chosen, setChosen] = useState('');
  if ('missing' in data) return <NotReady why={data.missing} />;
  const { kit, live } = data;
  const { urls, functions } = data.value;
  const label = (u: FunctionUrlView) => `${u.functionName} (${u.authType})`;
  const url = urls.find((u) => u.url === chosen) ?? urls[0];
  return (
    <div className="res-section">
      <CreateUrl kit={kit} live={live} functions={functions} onCreated={setChosen} />
      <ResourcePicker
        label="Function URL"
        items={urls.map(label)}
        value={url ? label(url) : ''}
        onChange={(l) => setChosen(urls.find((u) => label(u) === l)?.url ?? '')}
        testId="resources.url.pick"
        empty="No function URLs yet. Create one above for a deployed function."
      />
      {url ? <UrlRequestBuilder key={url.url} kit={kit} live={live} target={url} /> : null}
    </div>
  );
}

function CreateUrl(props: {
  kit: Kit;
  live: LiveWorld;
  functions: readonly string[];
  onCreated: (url: string) => void;
}) {
  const [fn, setFn] = useState('');
  const [auth, setAuth] = useState<Auth>('NONE');
  const [state, run] = useAction();
  const target = pickFunction(props.functions, fn);
  return (
    <form
      className="res-create"
      onSubmit={(e) => {
        e.preventDefault();
        let created = '';
        void run(
          () => props.kit.createFunctionUrl(props.live, target, auth),
          (url) => {
            created = url;
            return auth === 'NONE'
              ? `Created ${url}. Anyone may call it: the function's policy now lets "*" call lambda:InvokeFunctionUrl.`
              : `Created ${url}. Only requests signed (SigV4) by an identity allowed lambda:InvokeFunctionUrl get through.`;
          },
        ).then((ok) => ok && props.onCreated(created));
      }}
    >
      <FunctionSelect
        functions={props.functions}
        value={target}
        onChange={setFn}
        testId="resources.url.function"
      />
      <SelectField
        label="Auth type"
        value={auth}
        options={[
          ['NONE', 'NONE (public)'],
          ['AWS_IAM', 'AWS_IAM (signed requests)'],
        ]}
        onChange={setAuth}
        testId="resources.url.auth"
      />
      <button type="submit" disabled={state.busy || target === ''} data-testid="resources.url.create">
        Create function URL
      </button>
      <ActionStatus state={state} testId="resources.url.create" />
    </form>
  );
}

function UrlRequestBuilder({ kit, live, target }: { kit: Kit; live: LiveWorld; target: FunctionUrlView }) {
  const [method, setMethod] = useState('GET');
  const [path, setPath] = useState('/');
  const [query, setQuery] = useState('');
  const [headers, setHeaders] = useState('Accept: application/json');
  const [body, setBody] = useState('');
  const [signed, setSigned] = useState(target.authType === 'AWS_IAM');
  const [response, setResponse] = useState<UrlResponseView | null>(null);
  const [state, run] = useAction();
  const full = `${target.url.replace(/\/$/, '')}${path.startsWith('/') ? path : `/${path}`}${query ? `?${query}` : ''}`;
  return (
    <form
      className="res-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () => kit.sendUrlRequest(live, { url: target.url, method, path, query, headers, body, signed }),
          (r) => {
            setResponse(r);
            return `${method} answered ${r.statusCode} after ${r.latencyMs.toFixed(0)} ms of virtual time.`;
          },
        );
      }}
    >
      <p className="res-url">
        <span className="muted">URL</span> <code data-testid="resources.url.url">{full}</code>
      </p>
      <div className="res-row">
        <SelectField
          label="Method"
          value={method}
          options={METHODS.map((m) => [m, m] as const)}
          onChange={setMethod}
          testId="resources.url.method"
        />
        <TextField label="Path" value={path} onChange={setPath} testId="resources.url.path" />
        <TextField label="Query string" value={query} onChange={setQuery} placeholder="name=Ada" />
      </div>
      <div className="res-row">
        <TextField label="Headers (one per line)" rows={2} value={headers} onChange={setHeaders} />
        <TextField label="Body" rows={2} value={body} onChange={setBody} testId="resources.url.body" />
      </div>
      <label className="res-check">
        <input
          type="checkbox"
          checked={signed}
          onChange={(e) => setSigned(e.target.checked)}
          data-testid="resources.url.signed"
        />{' '}
        Sign the request (SigV4) with the lab account's credentials
      </label>
      <button type="submit" className="primary" disabled={state.busy} data-testid="resources.url.send">
        {state.busy ? 'Waiting for the response…' : 'Send request'}
      </button>
      <ActionStatus state={state} testId="resources.url.send" />
      {response ? (
        <div className="res-response" aria-live="polite">
          <p>
            Status{' '}
            <strong className={response.statusCode < 400 ? 'ok' : 'bad'} data-testid="resources.url.status">
              {response.statusCode}
            </strong>
          </p>
          <h4>Body</h4>
          <pre data-testid="resources.url.response">{response.body || '(empty)'}</pre>
          <details>
            <summary>The event the function received (payload format 2.0)</summary>
            <pre data-testid="resources.url.event">
              {response.eventJson
                ? JSON.stringify(JSON.parse(response.eventJson), null, 2)
                : 'None: the URL refused the request before invoking the function.'}
            </pre>
          </details>
        </div>
      ) : null}
    </form>
  );
}
