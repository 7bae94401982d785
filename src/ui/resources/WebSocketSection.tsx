/**
 * API Gateway WebSocket APIs: create one in front of a function, then be its client: connect (the
 * $connect route decides), send frames (routed by `action`), see what the API pushes, push to the
 * connection as the management API does, and close it (then a push answers GoneException).
 */
import { useState } from 'react';
import type { LiveWorld, WebSocketApiView } from '../../controller/console/consoleKit';
import { ActionStatus, FunctionSelect, formatTime, pickFunction, TextField, useAction } from './formParts';
import { type Kit, useWorldRead } from './labLink';
import { PickedApiSection } from './ResourcePicker';
import './webSocket.css';

export function WebSocketSection() {
  return (
    <PickedApiSection
      list={(kit, live) => kit.listWebSocketApis(live.lab)}
      Create={CreateWebSocketApi}
      Panel={Client}
      label="WebSocket API"
      testId="resources.ws.api"
      empty="No WebSocket APIs yet. Create one above, in front of a deployed function."
    />
  );
}

function CreateWebSocketApi({
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
  const [routes, setRoutes] = useState('sendmessage');
  const [state, run] = useAction();
  const target = pickFunction(functions, fn);
  return (
    <form
      className="res-create"
      onSubmit={(e) => {
        e.preventDefault();
        let id = '';
        void run(
          () =>
            kit.createWebSocketApi(live, { functionName: target, stage: 'production', customRoutes: routes }),
          (r) => {
            id = r.apiId;
            return `Created WebSocket API ${target}-ws: $connect, $disconnect, $default${routes.trim() ? `, ${routes.trim()}` : ''} → ${target}, stage "production".`;
          },
        ).then((ok) => ok && onCreated(id));
      }}
    >
      <FunctionSelect
        functions={functions}
        value={target}
        onChange={setFn}
        testId="resources.ws.create.function"
      />
      <TextField
        label="Custom routes (by body.action)"
        value={routes}
        onChange={setRoutes}
        testId="resources.ws.create.routes"
      />
      <button type="submit" disabled={state.busy || target === ''} data-testid="resources.ws.create">
        Create WebSocket API
      </button>
      <ActionStatus state={state} testId="resources.ws.create" />
    </form>
  );
}

function Client({ kit, live, api }: { kit: Kit; live: LiveWorld; api: WebSocketApiView }) {
  const stage = api.stages[0] ?? '';
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState('{"action": "sendmessage", "text": "hello"}');
  const [push, setPush] = useState('pushed from the console');
  const [state, run] = useAction();
  const view = useWorldRead(
    (k, l) => (connectionId ? k.webSocketConnection(l.lab, connectionId) : null),
    [connectionId],
  );
  const conn = 'missing' in view ? null : view.value;
  const open = conn?.state === 'open';
  return (
    <div className="res-form" data-testid="resources.ws.client" data-state={conn?.state ?? 'none'}>
      <p className="muted">
        Routes: {api.routes.map((r) => r.routeKey).join(' · ')} · selection{' '}
        <code>{api.routeSelectionExpression}</code>. $default answers with the function's response; a handler
        pushes with <code>post_to_connection</code> (its role needs <code>execute-api:ManageConnections</code>
        ).
      </p>
      <p className="res-url">
        <span className="muted">URL</span> <code data-testid="resources.ws.url">{api.url}</code>
      </p>
      <div className="res-row">
        <TextField
          label="Query string"
          value={query}
          onChange={setQuery}
          placeholder="token=abc"
          testId="resources.ws.query"
        />
        <button
          type="button"
          disabled={state.busy || open}
          data-testid="resources.ws.connect"
          onClick={() =>
            void run(
              () => kit.openWebSocket(live, api.id, stage, query),
              (c) => {
                setConnectionId(c.id);
                return `Connected: connectionId ${c.id}.`;
              },
            )
          }
        >
          Connect
        </button>
        <button
          type="button"
          disabled={state.busy || !open || !connectionId}
          data-testid="resources.ws.close"
          onClick={() =>
            connectionId &&
            void run(
              () => kit.closeWebSocket(live, connectionId),
              () => 'Closed (1000); $disconnect ran.',
            )
          }
        >
          Disconnect
        </button>
      </div>
      <div className="res-row">
        <TextField
          label="Message"
          rows={2}
          value={message}
          onChange={setMessage}
          testId="resources.ws.message"
        />
        <button
          type="button"
          className="primary"
          disabled={state.busy || !open || !connectionId}
          data-testid="resources.ws.send"
          onClick={() =>
            connectionId &&
            void run(
              () => kit.sendWebSocket(live, connectionId, message),
              () => 'Sent.',
            )
          }
        >
          Send
        </button>
      </div>
      <div className="res-row">
        <TextField
          label="Push to this connection (PostToConnection)"
          value={push}
          onChange={setPush}
          testId="resources.ws.push"
        />
        <button
          type="button"
          disabled={state.busy || !connectionId}
          data-testid="resources.ws.pushSend"
          onClick={() =>
            connectionId &&
            void run(
              () => kit.pushToConnection(live, api.id, stage, connectionId, push),
              () => 'Pushed.',
            )
          }
        >
          Push
        </button>
      </div>
      <ActionStatus state={state} testId="resources.ws.action" />
      {conn ? (
        <>
          <p className="muted" data-testid="resources.ws.state">
            {conn.id} · {conn.state}
            {conn.statusCode !== null ? ` (${conn.statusCode})` : ''}
          </p>
          <ol className="res-frames" data-testid="resources.ws.frames" aria-live="polite">
            {conn.frames.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: frames only ever append
              <li key={i} data-kind={f.kind}>
                <span className="muted">
                  {formatTime(f.atMs).slice(11, 23)}{' '}
                  {f.kind === 'push' ? 'pushed' : f.kind === 'reply' ? 'reply' : 'error'}
                </span>{' '}
                <code>{f.data}</code>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}
