/**
 * `npm run classroom` runs the relay as a child process and watches it: if the relay dies after it
 * started, the supervisor starts it again on the same port with the same journal, so sessions resume.
 * Before that it builds dist/ when it is missing or older than the sources (unless --dir names a folder).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, parseArgs, USAGE } from './main';

/** What the app's build reads; a change to any of them makes dist/ stale. */
const SOURCES = ['src', 'lessons', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(path: string): number {
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true }))
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  return newest;
}

/** Why dist/ must be built first, or null when it is up to date. */
export function staleBuild(root: string, dist: string): string | null {
  let built: number;
  try {
    built = statSync(join(dist, 'index.html')).mtimeMs;
  } catch {
    return `${dist} has no built app yet`;
  }
  const changed = SOURCES.find((s) => newestMtime(join(root, s)) > built);
  return changed === undefined ? null : `${changed} changed since ${dist} was built`;
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/** Returns the exit code of the whole run; null when the relay runs on in this process (--no-restart). */
export async function supervise(
  entry: string,
  argv: readonly string[],
  root: string,
): Promise<number | null> {
  const options = parseArgs(argv, process.env);
  if (typeof options === 'string') {
    (options === USAGE ? process.stdout : process.stderr).write(`${options}\n`);
    return options === USAGE ? 0 : 2;
  }
  if (!options.proxy && !options.dirGiven) {
    const why = staleBuild(root, options.staticDir);
    if (why !== null) {
      say(`Building the app first (${why}): npm run build …`);
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const built = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
      if (built.status !== 0) {
        say('The build failed (see above). Fix it, then run `npm run classroom` again.');
        return 1;
      }
    }
  }
  if (options.noRestart) return main(argv);
  // A journal for this run unless one was named: a restarted relay reads it back.
  const scratch = options.journal ? null : mkdtempSync(join(tmpdir(), 'lambda-lab-classroom-'));
  const journal = options.journal ?? join(scratch as string, 'journal.jsonl');
  let port = options.port;
  let stopping = false;
  let child: ChildProcess | null = null;
  const restarts: number[] = [];
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    child?.kill(signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    for (;;) {
      const args = [entry, ...argv, '--journal', journal, ...(port ? ['--port', String(port)] : [])];
      const run = spawn(process.execPath, args, {
        stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
        env: { ...process.env, LAMBDA_LAB_CLASSROOM_CHILD: '1' },
      });
      child = run;
      let ready = false;
      run.on('message', (m: unknown) => {
        if (typeof m === 'object' && m !== null && (m as { type?: unknown }).type === 'ready') {
          ready = true;
          port = Number((m as { port?: unknown }).port) || port;
        }
      });
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) =>
        run.once('exit', (c, s) => done([c, s])),
      );
      // Stopped on purpose: our signal, or Ctrl+C reaching the relay first (it then exits with 0).
      if (stopping || code === 0) return 0;
      // It never started (bad port, missing build): restarting would fail the same way.
      if (!ready) return code ?? 1;
      const now = Date.now();
      restarts.push(now);
      while ((restarts[0] ?? now) < now - 60_000) restarts.shift();
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      if (restarts.length > 5) {
        say(`The classroom relay stopped again (${how}): 6 times within a minute, so it stays stopped.`);
        return 1;
      }
      say(
        `The classroom relay stopped unexpectedly (${how}). Restarting it; sessions resume from the journal.`,
      );
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
