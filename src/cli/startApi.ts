/**
 * `lambda-lab start-api`: a real HTTP server on localhost whose requests go through the lab's simulated API
 * Gateway (REST or HTTP API, the stage the template gives) to the Python handlers, as `sam local start-api`
 * does. Paths are served from the root, like sam's. Each request moves virtual time until it is answered,
 * so an integration timeout is a 504 (REST) or 503 (HTTP API) without waiting 29 real seconds.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpResponse } from '../sim/services/apiGateway';
import { matchRoute } from '../sim/services/apiGatewayRoutes';
import type { SamLab } from './samCommands';

export interface ApiServer {
  readonly url: string;
  /** The routes served, one line each (`GET /items/{id} -> ItemsFunction (REST API ServerlessRestApi, stage Prod)`). */
  readonly routes: readonly string[];
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Header names as the client sent them, each with all its values. */
function headersOf(req: IncomingMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    out[name] = [...(out[name] ?? []), req.rawHeaders[i + 1] as string];
  }
  return out;
}

export async function startApiServer(
  sam: SamLab,
  options: { port: number; host: string; log: (line: string) => void },
): Promise<ApiServer> {
  const { lab, runner, built } = sam;
  const gateway = lab.services.apigateway;
  if (built.apis.length === 0) throw new Error('The template has no Api or HttpApi events to serve.');
  const printed = new Map<string, number>();
  const flushLogs = () => {
    for (const name of Object.keys(built.app.workspace.functions)) {
      const events = lab.world.logs.events(`/aws/lambda/${name}`);
      for (const e of events.slice(printed.get(name) ?? 0)) options.log(e.message);
      printed.set(name, events.length);
    }
  };
  const apiFor = (method: string, path: string) => {
    for (const api of built.apis) {
      const summary = gateway.list().find((a) => a.id === api.id);
      const paths = (summary?.routes ?? [])
        .filter((r) => r.methods.includes(method) || r.methods.includes('ANY'))
        .map((r) => r.path);
      if (matchRoute(paths, path)) return api;
    }
    return built.apis[0];
  };
  let queue: Promise<unknown> = Promise.resolve();
  const answer = async (req: IncomingMessage, body: Buffer): Promise<HttpResponse | null> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const api = apiFor(method, url.pathname);
    if (!api) return null;
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) query[k] = [...(query[k] ?? []), v];
    const pending = gateway.request({
      apiId: api.id,
      stage: api.stage,
      method,
      path: url.pathname,
      query,
      headers: headersOf(req),
      body: body.length > 0 ? body.toString('utf8') : null,
    });
    await runner.advanceBy(0);
    for (;;) {
      const r = pending.response();
      if (r) return r;
      const next = runner.world.nextEventTime();
      if (next === undefined) return null;
      await runner.advanceTo(next);
    }
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const run = async () => {
      const body = await readBody(req);
      const r = await answer(req, body);
      flushLogs();
      if (!r) {
        res.writeHead(502, { 'Content-Type': 'application/json' });
        res.end('{"message": "Internal server error"}');
        return;
      }
      res.writeHead(r.statusCode, r.headers);
      res.end(r.isBase64Encoded ? Buffer.from(r.body, 'base64') : r.body);
      options.log(`${req.method} ${req.url} ${r.statusCode}`);
    };
    // One request at a time through the world, in arrival order (virtual time only moves forward).
    const next = queue.then(run, run).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`lambda-lab: ${error instanceof Error ? error.message : String(error)}`);
    });
    queue = next;
  };
  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host}:${port}`;
  const routes = built.apis.flatMap((api) =>
    (built.app.apis.find((a) => a.logicalId === api.logicalId)?.routes ?? []).map(
      (r) =>
        `${r.method} ${url}${r.path} -> ${r.functionName} (${api.type} API ${api.logicalId}, stage ${api.stage})`,
    ),
  );
  return {
    url,
    routes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
