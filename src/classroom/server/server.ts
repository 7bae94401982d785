/**
 * The classroom server: one HTTP server for the app (static dist/, or a proxy to a dev server), the
 * info endpoint and the WebSocket relay. `startClassroomServer` is what the CLI and the tests call.
 * Every socket, request and upgrade has an error path: nothing a client sends can end the process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import {
  CLASSROOM_INFO_PATH,
  CLASSROOM_PROTOCOL_VERSION,
  CLASSROOM_SERVER_NAME,
  CLASSROOM_WS_PATH,
  type ServerInfo,
} from '../protocol';
import { newSecret } from './codes';
import { createHostCheck, requestTarget } from './hosts';
import { type Journal, openJournal, readJournal, snapshot } from './journal';
import { proxyTo, proxyUpgrade } from './proxy';
import { createRelay, DEFAULT_RELAY_OPTIONS, isLoopback, type RelayOptions } from './relay';
import { createSessionStore, DEFAULT_STORE_OPTIONS, type StoreOptions } from './sessions';
import { ISOLATION_HEADERS, serveStatic } from './staticFiles';

export interface ClassroomServerOptions {
  readonly port?: number;
  readonly host?: string;
  /** The built app to serve (dist/). */
  readonly staticDir?: string;
  /** Instead of static files, forward page requests here (a Vite dev server), for working on the UI. */
  readonly proxy?: string;
  readonly now?: () => number;
  readonly hostKey?: string;
  /** More Host names to answer to (`--host-name`), besides localhost and this machine's addresses. */
  readonly hostNames?: readonly string[];
  /** The journal file: sessions are replayed from it at start and every change is appended. */
  readonly journal?: string;
  readonly store?: Partial<Omit<StoreOptions, 'now' | 'record'>>;
  readonly relay?: Partial<Omit<RelayOptions, 'now' | 'hostKey'>>;
  /** WebSockets per client address; the server's own machine is not limited. */
  readonly maxConnectionsPerAddress?: number;
  /** TCP connections (pages and sockets) per client address. */
  readonly maxSocketsPerAddress?: number;
  readonly maxConnections?: number;
  readonly heartbeatMs?: number;
  /** A connection that has not sent a whole request's headers by then is closed. */
  readonly headersTimeoutMs?: number;
  /** A connection with nothing going either way for this long is closed. */
  readonly idleTimeoutMs?: number;
  /** Connection events and refusals, one line each (`--verbose`). */
  readonly log?: (line: string) => void;
  /** Serve HTTPS with this key and certificate (`--https`), so LAN browsers get a secure context. */
  readonly tls?: { readonly key: string; readonly cert: string };
}

export interface ClassroomServer {
  readonly port: number;
  readonly url: string;
  readonly hostKey: string;
  readonly lanUrls: readonly string[];
  readonly store: ReturnType<typeof createSessionStore>;
  close(): Promise<void>;
}

/** This machine's IPv4 addresses other than loopback. */
export function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out;
}

/** http://<address>:<port>/ (https with `--https`) for each IPv4 interface other than loopback. */
export function lanUrls(port: number, scheme: 'http' | 'https' = 'http'): string[] {
  return lanAddresses().map((address) => `${scheme}://${address}:${port}/`);
}

/** A browser page may only open the socket from this server's own pages (no cross-site hijacking). */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** The journal replayed into the store, then compacted; null without a journal file. */
function startJournal(
  path: string | undefined,
  store: ReturnType<typeof createSessionStore>,
  hostKey: () => string,
): Journal | null {
  if (!path) return null;
  const events = readJournal(path);
  store.restore(events);
  const compact = () => snapshot(hostKey(), store.sessions.values());
  const journal = openJournal(path, undefined, compact);
  journal.rewrite(compact());
  return journal;
}

const text = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { ...ISOLATION_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(body);
};

export async function startClassroomServer(options: ClassroomServerOptions = {}): Promise<ClassroomServer> {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const saved = options.journal ? readJournal(options.journal).find((e) => e.k === 'host') : undefined;
  const hostKey = options.hostKey ?? (saved?.k === 'host' ? saved.key : newSecret());
  let journal: Journal | null = null;
  const store = createSessionStore({
    now,
    ...DEFAULT_STORE_OPTIONS,
    ...options.store,
    record: (e) => {
      try {
        journal?.append(e);
      } catch (err) {
        log(`journal write failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  });
  journal = startJournal(options.journal, store, () => hostKey);
  const relayOptions = { now, hostKey, ...DEFAULT_RELAY_OPTIONS, ...options.relay };
  const relay = createRelay(store, relayOptions);
  const trusted = (address: string) => relayOptions.trustLoopback && isLoopback(address);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  wss.on('error', (e) => log(`websocket server: ${e.message}`));
  const perAddress = new Map<string, number>();
  const socketsPerAddress = new Map<string, number>();
  const maxPerAddress = options.maxConnectionsPerAddress ?? 16;
  const maxSockets = options.maxSocketsPerAddress ?? 64;
  const maxConnections = options.maxConnections ?? 2000;
  const knownHost = createHostCheck(options.hostNames ?? [], options.host, now);
  const headersTimeout = options.headersTimeoutMs ?? 20_000;
  let port = 0;
  const scheme = options.tls ? 'https' : 'http';

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    res.on('error', () => res.destroy());
    if (!knownHost(req.headers.host))
      return text(
        res,
        421,
        'This classroom server answers only to the addresses it printed. To use another name for this\n' +
          'machine, start it with `npm run classroom -- --host-name NAME`.\n',
      );
    const at = requestTarget(req.url);
    if (at === null) return text(res, 400, 'Bad request target\n');
    if (at.path === CLASSROOM_INFO_PATH) {
      const info: ServerInfo = {
        name: CLASSROOM_SERVER_NAME,
        v: CLASSROOM_PROTOCOL_VERSION,
        lanUrls: lanUrls(port, scheme),
        local: isLoopback(req.socket.remoteAddress),
      };
      res.writeHead(200, {
        ...ISOLATION_HEADERS,
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
      });
      return void res.end(JSON.stringify(info));
    }
    if (options.proxy) return proxyTo(options.proxy, at, req, res);
    if (options.staticDir)
      return void serveStatic(options.staticDir, at.path, req, res).catch(() => res.destroy());
    res.writeHead(404).end();
  };

  const serverOptions = {
    headersTimeout,
    requestTimeout: Math.max(headersTimeout, 60_000),
    // How often slow-header connections are looked for: a fraction of the limit.
    connectionsCheckingInterval: Math.max(50, Math.min(5000, Math.floor(headersTimeout / 4))),
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    try {
      handle(req, res);
    } catch (e) {
      log(`request ${JSON.stringify(req.url)} failed: ${e instanceof Error ? e.message : String(e)}`);
      if (!res.headersSent) text(res, 500, 'Internal error\n');
      else res.destroy();
    }
  };
  const server = options.tls
    ? createTlsServer({ ...serverOptions, key: options.tls.key, cert: options.tls.cert }, onRequest)
    : createServer(serverOptions, onRequest);
  // A browser that refuses the certificate drops its handshake: worth a line, never a crash.
  server.on('tlsClientError', (e: Error, socket: Socket) =>
    log(`TLS handshake from ${socket.remoteAddress} failed: ${e.message}`),
  );
  server.timeout = options.idleTimeoutMs ?? 120_000;
  server.maxConnections = maxConnections * 2;

  // Every socket gets an error handler first thing: a reset must never reach the process.
  server.on('connection', (socket: Socket) => {
    socket.on('error', (e) => log(`socket from ${socket.remoteAddress}: ${e.message}`));
    const address = socket.remoteAddress ?? 'unknown';
    if (trusted(address)) return;
    const n = (socketsPerAddress.get(address) ?? 0) + 1;
    socketsPerAddress.set(address, n);
    socket.on('close', () => {
      const left = (socketsPerAddress.get(address) ?? 1) - 1;
      if (left <= 0) socketsPerAddress.delete(address);
      else socketsPerAddress.set(address, left);
    });
    if (n > maxSockets) {
      log(`connection from ${address} refused: ${maxSockets} already open`);
      socket.destroy();
    }
  });
  server.on('clientError', (e: Error, socket: Duplex) => {
    log(`bad request from ${(socket as Socket).remoteAddress}: ${e.message}`);
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    socket.destroy();
  });

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: string) => {
      log(`upgrade from ${req.socket.remoteAddress} refused: ${status}`);
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`, () => socket.destroy());
    };
    if (!knownHost(req.headers.host)) return refuse('421 Misdirected Request');
    const at = requestTarget(req.url);
    if (at === null) return refuse('400 Bad Request');
    if (at.path !== CLASSROOM_WS_PATH) {
      if (options.proxy) return proxyUpgrade(options.proxy, req, socket, head);
      return refuse('404 Not Found');
    }
    if (!sameOrigin(req)) return refuse('403 Forbidden');
    const address = req.socket.remoteAddress ?? 'unknown';
    const mine = perAddress.get(address) ?? 0;
    if (relay.connections() >= maxConnections || (!trusted(address) && mine >= maxPerAddress))
      return refuse('429 Too Many Requests');
    perAddress.set(address, mine + 1);
    const release = () => {
      const n = (perAddress.get(address) ?? 1) - 1;
      if (n <= 0) perAddress.delete(address);
      else perAddress.set(address, n);
    };
    let accepted = false;
    socket.once('close', () => {
      if (!accepted) release();
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      accepted = true;
      ws.on('close', release);
      log(`socket open from ${address}`);
      ws.on('close', (code, reason) => log(`socket from ${address} closed: ${code} ${reason.toString()}`));
      relay.connect(ws, req);
    });
  };
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      upgrade(req, socket, head);
    } catch (e) {
      log(`upgrade failed: ${e instanceof Error ? e.message : String(e)}`);
      socket.destroy();
    }
  });

  const heartbeat = setInterval(() => relay.heartbeat(), options.heartbeatMs ?? 20_000);
  const sweep = setInterval(() => relay.sweep(), 60_000);
  heartbeat.unref();
  sweep.unref();

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '0.0.0.0', () => done());
  });
  // After listening, an error (out of file descriptors on accept, say) is logged, never thrown.
  server.on('error', (e) => log(`server: ${e.message}`));
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `${scheme}://localhost:${port}/`,
    hostKey,
    lanUrls: lanUrls(port, scheme),
    store,
    async close() {
      clearInterval(heartbeat);
      clearInterval(sweep);
      relay.close();
      for (const ws of wss.clients) ws.terminate();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      journal?.close();
    },
  };
}
