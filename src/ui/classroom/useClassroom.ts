/** React glue for the classroom: is the server there, and one live client per mounted screen. */
import { useEffect, useRef, useState } from 'react';
import {
  type ClassroomClient,
  type ConnectionStatus,
  classroomSocketUrl,
  createClassroomClient,
  fetchServerInfo,
  type Outgoing,
} from '../../classroom/client';
import type { ServerInfo, ServerMessage } from '../../classroom/protocol';

export type ServerState =
  | { readonly state: 'checking' }
  | { readonly state: 'missing' }
  | { readonly state: 'available'; readonly info: ServerInfo };

/** Asks the page's own server for the classroom info endpoint once. */
export function useClassroomServer(): ServerState {
  const [state, setState] = useState<ServerState>({ state: 'checking' });
  useEffect(() => {
    let live = true;
    void fetchServerInfo().then((info) => {
      if (live) setState(info ? { state: 'available', info } : { state: 'missing' });
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export interface Connection {
  readonly status: ConnectionStatus;
  readonly send: (msg: Outgoing) => void;
}

/**
 * Opens the socket while `enabled`; `hello` is read on every (re)connection and `onMessage` always sees
 * the latest render's closure.
 */
export function useClassroomConnection(
  enabled: boolean,
  hello: () => Outgoing | null,
  onMessage: (msg: ServerMessage) => void,
): Connection {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const client = useRef<ClassroomClient | null>(null);
  const handlers = useRef({ hello, onMessage });
  handlers.current = { hello, onMessage };
  useEffect(() => {
    if (!enabled) return;
    const c = createClassroomClient({
      url: classroomSocketUrl(),
      hello: () => handlers.current.hello(),
      onMessage: (m) => handlers.current.onMessage(m),
      onStatus: setStatus,
    });
    client.current = c;
    return () => {
      c.close();
      client.current = null;
    };
  }, [enabled]);
  return { status, send: (msg) => client.current?.send(msg) };
}

export const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Connection lost, reconnecting…',
  closed: 'Disconnected',
};
