/**
 * The classroom server: one HTTP server for the app (static dist/, or a proxy to a dev server), the
 * info endpoint and the WebSocket relay. `startClassroomServer` is what the CLI and the tests call.
 */
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
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
  readonly store?: Partial<Omit<StoreOptions, 'now'>>;
  readonly relay?: Partial<Omit<RelayOptions, 'now' | 'hostKey'>>;
  /** Connections per client address; the server's own machine is not limited. */
  readonly maxConnectionsPerAddress?: number;
  readonly maxConnections?: number;
  readonly heartbeatMs?: number;
  /** Connection events and refusals, one line each (`--verbose`). */
  readonly log?: (line: string) => void;
}

export interface ClassroomServer {
  readonly port: number;
  readonly url: string;
  readonly hostKey: string;
  readonly lanUrls: readonly string[];
  readonly store: ReturnType<typeof createSessionStore>;
  close(): Promise<void>;
}

/** http://<address>:<port>/ for each IPv4 interface other than loopback. */
export function lanUrls(port: number): string[] {
  const urls: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? [])
      if (a.family === 'IPv4' && !a.internal) urls.push(`http://${a.address}:${port}/`);
  return urls;
}

function proxyTo(target: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', target);
  const upstream = request(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', (e) => {
    res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`The dev server at ${target} did not answer: ${e.message}\n`);
  });
  req.pipe(upstream);
}

/** The dev server's own sockets (Vite's hot reload) pass through untouched in proxy mode. */
function proxyUpgrade(target: string, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const url = new URL(target);
  const upstream = connect(Number(url.port || 80), url.hostname, () => {
    const headers: string[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i] as string;
      headers.push(`${name}: ${name.toLowerCase() === 'host' ? url.host : req.rawHeaders[i + 1]}`);
    }
    upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
    upstream.write(head);
    socket.pipe(upstream).pipe(socket);
  });
  upstream.on('error', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
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

export async function startClassroomServer(options: ClassroomServerOptions = {}): Promise<ClassroomServer> {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const hostKey = options.hostKey ?? newSecret();
  const store = createSessionStore({ now, ...DEFAULT_STORE_OPTIONS, ...options.store });
  const relay = createRelay(store, { now, hostKey, ...DEFAULT_RELAY_OPTIONS, ...options.relay });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const perAddress = new Map<string, number>();
  const maxPerAddress = options.maxConnectionsPerAddress ?? 32;
  const maxConnections = options.maxConnections ?? 2000;
  let port = 0;

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === CLASSROOM_INFO_PATH) {
      const info: ServerInfo = {
        name: CLASSROOM_SERVER_NAME,
        v: CLASSROOM_PROTOCOL_VERSION,
        lanUrls: lanUrls(port),
        local: isLoopback(req.socket.remoteAddress),
      };
      res.writeHead(200, {
        ...ISOLATION_HEADERS,
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
      });
      return void res.end(JSON.stringify(info));
    }
    if (options.proxy) return proxyTo(options.proxy, req, res);
    if (options.staticDir) return void serveStatic(options.staticDir, req, res);
    res.writeHead(404).end();
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: string) => {
      log(`upgrade from ${req.socket.remoteAddress} refused: ${status}`);
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    };
    if (new URL(req.url ?? '/', 'http://x').pathname !== CLASSROOM_WS_PATH) {
      if (options.proxy) return proxyUpgrade(options.proxy, req, socket, head);
      return refuse('404 Not Found');
    }
    if (!sameOrigin(req)) return refuse('403 Forbidden');
    const address = req.socket.remoteAddress ?? 'unknown';
    const mine = perAddress.get(address) ?? 0;
    if (relay.connections() >= maxConnections || (!isLoopback(address) && mine >= maxPerAddress))
      return refuse('429 Too Many Requests');
    wss.handleUpgrade(req, socket, head, (ws) => {
      perAddress.set(address, mine + 1);
      ws.on('close', () => {
        const n = (perAddress.get(address) ?? 1) - 1;
        if (n <= 0) perAddress.delete(address);
        else perAddress.set(address, n);
      });
      log(`socket open from ${address}`);
      ws.on('close', (code, reason) => log(`socket from ${address} closed: ${code} ${reason.toString()}`));
      relay.connect(ws, req);
    });
  });

  const heartbeat = setInterval(() => relay.heartbeat(), options.heartbeatMs ?? 20_000);
  const sweep = setInterval(() => relay.sweep(), 60_000);
  heartbeat.unref();
  sweep.unref();

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, options.host ?? '0.0.0.0', () => done());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://localhost:${port}/`,
    hostKey,
    lanUrls: lanUrls(port),
    store,
    async close() {
      clearInterval(heartbeat);
      clearInterval(sweep);
      relay.close();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
