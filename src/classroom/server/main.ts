/**
 * `npm run classroom`: parses the flags, starts the server on every interface and prints the links the
 * instructor needs (the students' network link, and the instructor link with the host key).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ClassroomServer, lanAddresses, startClassroomServer } from './server';
import { type Certificate, ensureCertificate } from './tls';

export interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly staticDir: string;
  readonly proxy: string | undefined;
  readonly codeTtlMinutes: number;
  readonly verbose: boolean;
  /** Host names to answer to besides localhost and this machine's addresses. */
  readonly hostNames: readonly string[];
  readonly journal: string | undefined;
  /** Run without the supervisor (no restart after a crash). */
  readonly noRestart: boolean;
  /** Students share one address (a NAT between them and this machine): no per-address caps. */
  readonly sharedAddress: boolean;
  /** `--dir` was given: the folder is the caller's, so it is never rebuilt. */
  readonly dirGiven: boolean;
  /** Serve HTTPS with a self-signed certificate kept in `tlsDir` (`--https`). */
  readonly https: boolean;
  readonly tlsDir: string;
}

export const USAGE = `Usage: npm run classroom -- [--port 4180] [--host 0.0.0.0] [--dir dist] [--proxy http://localhost:5173] [--code-ttl 180] [--host-name NAME] [--journal FILE] [--no-restart] [--shared-address] [--https] [--verbose]
  --port       port to listen on (env CLASSROOM_PORT)
  --host       address to bind; 0.0.0.0 makes the lab reachable from the local network
  --dir        the built app to serve (env CLASSROOM_DIR); without it, dist/ is built first when it is
               missing or older than the sources
  --proxy      forward page requests to a running Vite dev server instead of serving --dir
  --code-ttl   minutes a join code stays valid (default 180)
  --host-name  another name students use to reach this machine (repeatable); only the printed
               addresses, localhost and these names are answered
  --journal    file that records the sessions, so a restarted relay resumes them (default: a
               temporary file for this run)
  --no-restart run the relay without its supervisor (no automatic restart)
  --shared-address  students reach this machine through one router address (NAT): lift the
               per-address caps on connections, seats and joins (the server-wide caps stay)
  --https      serve HTTPS with a self-signed certificate for this machine's addresses (made with
               openssl, kept in node_modules/.cache/lambda-lab-classroom): students accept one browser
               warning, then the lab runs cross-origin isolated (the plain HTTP link works without it)
  --verbose    log every socket opened, closed or refused`;

export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions | string {
  const flags = new Map<string, string>();
  const hostNames: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return USAGE;
    if (arg === '--verbose' || arg === '--no-restart' || arg === '--shared-address' || arg === '--https') {
      flags.set(arg.slice(2), 'yes');
      continue;
    }
    const m = /^--(port|host|dir|proxy|code-ttl|host-name|journal)(?:=(.*))?$/.exec(arg);
    if (!m) return `Unknown option ${arg}\n${USAGE}`;
    const value = m[2] ?? argv[++i];
    if (value === undefined) return `--${m[1]} needs a value\n${USAGE}`;
    if (m[1] === 'host-name') {
      const names = value.split(',').map((n) => n.trim());
      if (names.some((n) => !/^[A-Za-z0-9.-]+$/.test(n)))
        return `--host-name takes a host name, not ${value}`;
      hostNames.push(...names);
    } else flags.set(m[1] as string, value);
  }
  const port = Number(flags.get('port') ?? env.CLASSROOM_PORT ?? 4180);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return `--port must be a port number, not ${port}`;
  const ttl = Number(flags.get('code-ttl') ?? 180);
  if (!Number.isFinite(ttl) || ttl <= 0) return `--code-ttl must be a positive number of minutes`;
  return {
    port,
    host: flags.get('host') ?? '0.0.0.0',
    staticDir: resolve(flags.get('dir') ?? env.CLASSROOM_DIR ?? 'dist'),
    proxy: flags.get('proxy'),
    codeTtlMinutes: ttl,
    verbose: flags.has('verbose'),
    hostNames,
    journal: flags.has('journal') ? resolve(flags.get('journal') as string) : undefined,
    noRestart: flags.has('no-restart'),
    sharedAddress: flags.has('shared-address'),
    dirGiven: flags.has('dir') || env.CLASSROOM_DIR !== undefined,
    https: flags.has('https'),
    tlsDir: resolve('node_modules/.cache/lambda-lab-classroom'),
  };
}

export function banner(
  server: ClassroomServer,
  proxy: string | undefined,
  hostNames: readonly string[] = [],
  certificate: Certificate | null = null,
): string {
  const base = server.lanUrls[0] ?? server.url;
  const scheme = certificate ? 'https' : 'http';
  return [
    'Lambda Lab classroom is running.',
    `  On this machine:   ${server.url}`,
    ...(server.lanUrls.length > 0
      ? server.lanUrls.map((u) => `  On the network:    ${u}`)
      : ['  No network interface found: students on other devices cannot reach this machine.']),
    ...hostNames.map((n) => `  Also answers to:   ${scheme}://${n}:${server.port}/`),
    '',
    `  Instructor link (keep it to yourself): ${base}?classroom=instructor#key=${server.hostKey}`,
    '  Students open the network link and type the join code shown on your screen.',
    ...(proxy ? [`  Pages come from the dev server at ${proxy}.`] : []),
    ...(certificate
      ? [
          '',
          '  HTTPS with a certificate this machine made for itself: on the first visit each browser warns',
          '  that it is not trusted. Choose "Advanced", then "Proceed" (or "Accept the risk"); the lab then',
          '  runs cross-origin isolated. Students can compare the certificate fingerprint (SHA-256):',
          `  ${certificate.fingerprint}`,
        ]
      : []),
    '  Stop with Ctrl+C.',
  ].join('\n');
}

/** `--shared-address`: one address may hold every connection and seat, and join at the server's rate. */
const SHARED_ADDRESS = {
  maxConnectionsPerAddress: 2000,
  maxSocketsPerAddress: 4000,
  relay: { seatsPerAddress: 400, joinBurst: 300, joinsPerSecond: 30 },
} as const;

/** Returns the process exit code when start-up fails; otherwise keeps running until a signal. */
export async function main(argv: readonly string[]): Promise<number | null> {
  const options = parseArgs(argv, process.env);
  if (typeof options === 'string') {
    const help = options === USAGE;
    (help ? process.stdout : process.stderr).write(`${options}\n`);
    return help ? 0 : 2;
  }
  if (!options.proxy && !existsSync(resolve(options.staticDir, 'index.html'))) {
    process.stderr.write(
      `The built app is missing (${options.staticDir}/index.html). Run \`npm run build\` first, then \`npm run classroom\`.\n`,
    );
    return 1;
  }
  let server: ClassroomServer;
  let certificate: Certificate | null = null;
  try {
    if (options.https)
      certificate = ensureCertificate(options.tlsDir, {
        ips: ['127.0.0.1', ...lanAddresses()],
        dns: ['localhost', ...options.hostNames],
      });
    server = await startClassroomServer({
      ...(certificate ? { tls: { key: certificate.key, cert: certificate.cert } } : {}),
      port: options.port,
      host: options.host,
      staticDir: options.staticDir,
      proxy: options.proxy,
      hostNames: options.hostNames,
      journal: options.journal,
      store: { codeTtlMs: options.codeTtlMinutes * 60_000 },
      ...(options.sharedAddress ? SHARED_ADDRESS : {}),
      ...(options.verbose
        ? { log: (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`) }
        : {}),
    });
  } catch (e) {
    process.stderr.write(
      `The classroom server could not start: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return 1;
  }
  process.stdout.write(`${banner(server, options.proxy, options.hostNames, certificate)}\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Under the supervisor: tell it the port (a restart reuses it), and stop if the supervisor goes.
  if (process.send) {
    process.send({ type: 'ready', port: server.port });
    process.once('disconnect', stop);
  }
  return null;
}
