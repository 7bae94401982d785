// npm run test:busy: the unit suite while busy processes hold the cores, to prove no verdict depends
// on the machine's speed or load. `--busy N` (or LAB_BUSY=N) sets how many spin (default 2); any other
// arguments go to `vitest run`. The spinners are stopped whatever happens; the exit code is vitest's.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

function parse(argv) {
  const rest = [];
  let busy = Number(process.env.LAB_BUSY ?? 2);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--busy') busy = Number(argv[++i]);
    else if (arg.startsWith('--busy=')) busy = Number(arg.slice('--busy='.length));
    else rest.push(arg);
  }
  if (!Number.isInteger(busy) || busy < 0 || busy > 64) {
    console.error(`test:busy: --busy wants a whole number from 0 to 64, got ${busy}`);
    process.exit(2);
  }
  return { busy, rest };
}

const { busy, rest } = parse(process.argv.slice(2));
// vitest's time limits are hang guards, not verdicts: they grow with the load added here (vitest.config.ts
// has 60 s per test and 180 s per hook; at --busy 4 a Pyodide start alone can take two minutes).
const slower = 1 + busy / 2;
const guards = [
  ...(rest.some((a) => a.startsWith('--testTimeout')) ? [] : [`--testTimeout=${60_000 * slower}`]),
  ...(rest.some((a) => a.startsWith('--hookTimeout')) ? [] : [`--hookTimeout=${180_000 * slower}`]),
];
// Each spinner is its own process, so the scheduler shares the cores between them and the tests.
const spinners = Array.from({ length: busy }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const stopSpinners = () => {
  for (const child of spinners)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};
process.on('exit', stopSpinners);

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
console.log(`test:busy: ${busy} busy process(es) spinning; vitest run ${[...guards, ...rest].join(' ')}`);
const started = Date.now();
const tests = spawn(process.execPath, [vitest, 'run', ...guards, ...rest], { cwd: root, stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    tests.kill(signal);
    stopSpinners();
    process.exit(130);
  });
}

tests.on('exit', (code, signal) => {
  stopSpinners();
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`test:busy: vitest ended (${signal ?? `code ${code}`}) after ${seconds} s with ${busy} busy`);
  process.exit(code ?? 1);
});
tests.on('error', (error) => {
  stopSpinners();
  console.error(`test:busy: could not start vitest: ${error.message}`);
  process.exit(1);
});
