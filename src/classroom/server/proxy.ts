/** Proxy mode (`--proxy`): pages and the dev server's own sockets (hot reload) come from a Vite server. */
import { type IncomingMessage, request, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import type { Duplex } from 'node:stream';

export function proxyTo(
  target: string,
  at: { path: string; search: string },
  req: IncomingMessage,
  res: ServerResponse,
): void {
  // The target's origin with the request's path: a request can never choose another host.
  const url = new URL(target);
  url.pathname = at.path;
  url.search = at.search;
  const upstream = request(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  upstream.on('error', (e) => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`The dev server at ${target} did not answer: ${e.message}\n`);
  });
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}

/** The dev server's own sockets pass through untouched. */
export function proxyUpgrade(target: string, req: IncomingMessage, socket: Duplex, head: Buffer): void {
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
  socket.on('close', () => upstream.destroy());
}
