/**
 * The engine: drives ONE loaded Pyodide instance and runs init / invoke / destroy for many simulated
 * execution environments. Host-agnostic (no fs, DOM or worker APIs): the browser worker and the Node
 * worker both hand it a booted Pyodide and the Python runtime's sources, then call it synchronously.
 *
 * Files live in Emscripten's FS: the runtime at /var/runtime, each distinct function code + layers once
 * under /lambda-lab/code/<key> (shared by the environments that run it, read-only), each environment's
 * /tmp under /lambda-lab/envs/<n>. The Python side renames an environment's folders into place while it
 * runs (see lambda_lab_envs.py).
 */
import type { PyodideAPI } from 'pyodide';
import { digest64Hex } from '../../sim/hash.mjs';
import type { EnvSpec, InitRequest, InvokeRequest, RunReport } from '../../sim/runtimePort';
import type { SyntaxProblem } from '../protocol';
import { runtimeDigest, sandboxPython } from '../snapshot/snapshotRuntime.mjs';
import { asEmscriptenFs, type FsNode, installFsGuards, removeTree, writeTree } from './emscriptenFs';
import { bareReport, parseRunReport } from './reports';

/**
 * The Python runtime's sources keyed by file name (`lambda_lab_runtime.py`, ...). Keys may carry a folder
 * (`../py/lambda_lab_runtime.py`, as Vite's import.meta.glob gives them): only the base name is used.
 */
export type PythonSources = Readonly<Record<string, string>>;

export interface Engine {
  /**
   * Seals the interpreter: records the state every environment starts from. Every other call runs it
   * first; a host may run it sooner, after reporting the runtime ready (workerCore.ts).
   */
  finish(): void;
  init(request: InitRequest): RunReport;
  invoke(request: InvokeRequest): RunReport;
  /** The same phases entered through JSPI (`callPromising`), so a handler's AWS call can wait on a promise. */
  initPromising(request: InitRequest): Promise<RunReport>;
  invokePromising(request: InvokeRequest): Promise<RunReport>;
  destroy(envId: string): void;
  envIds(): readonly string[];
  /** Bytes an environment holds in its /tmp (for tests and the lab's storage gauge). */
  tmpUsedBytes(envId: string): number;
  /** Compiles the .py files (nothing runs) and says where Python's compiler stopped in each. */
  checkSyntax(files: Readonly<Record<string, string>>): SyntaxProblem[];
}

// Python names avoid PyProxy's own methods (a proxy's `destroy` would free the proxy itself).
type PhaseEntry = ((requestJson: string) => string) & {
  callPromising(requestJson: string): Promise<string>;
};

interface RuntimeModule {
  init_env: PhaseEntry;
  invoke_env: PhaseEntry;
  destroy_env(envId: string): void;
}

/** What lambda_lab_sandbox.start() returns: the runtime's entry points and its private modules. */
interface SandboxEntry extends RuntimeModule {
  readonly calibration: unknown;
  seal(): void;
  check_files(filesJson: string): string;
}

interface CodeDir {
  readonly root: string;
  readonly nodes: readonly FsNode[];
  refs: number;
}

interface EnvFiles {
  readonly codeKey: string;
  readonly root: string;
  readonly tmpNode: FsNode;
}

const MB = 1024 * 1024;
const RUNTIME_DIR = '/var/runtime';
/** Where environments' folders live while they are not in place (see the file comment). */
const LAB_DIR = '/lambda-lab';
/** Where Lambda's Python runtime keeps its bundled boto3 and botocore: the lab's shim goes there. */
export const SITE_PACKAGES = '/var/lang/lib/python3.13/site-packages';

/** Runtime modules by base name; anything under a `shim/` folder keeps its package path. */
function splitSources(sources: PythonSources) {
  const runtime: Record<string, string> = {};
  const sitePackages: Record<string, string> = {};
  for (const [key, text] of Object.entries(sources)) {
    const shim = key.lastIndexOf('shim/');
    if (shim >= 0) sitePackages[key.slice(shim + 'shim/'.length)] = text;
    else runtime[key.slice(key.lastIndexOf('/') + 1)] = text;
  }
  return { runtime, sitePackages };
}

function asRuntimeModule(value: unknown): RuntimeModule {
  for (const key of ['init_env', 'invoke_env', 'destroy_env']) {
    if (typeof Reflect.get(Object(value), key) !== 'function')
      throw new Error(`lambda_lab_runtime has no ${key}()`);
  }
  return value as RuntimeModule;
}

/** A 64-bit digest of the code and layers: environments of one function version share files. */
export function codeKey(spec: Pick<EnvSpec, 'code' | 'layers'>): string {
  const parts: string[] = [];
  const add = (prefix: string, files: Readonly<Record<string, string>>) => {
    for (const name of Object.keys(files).sort()) parts.push(`${prefix}${name}\u0000${files[name]}\u0000`);
  };
  add('task/', spec.code);
  for (const layer of spec.layers) add('opt/', layer.files);
  return digest64Hex(parts.join(''));
}

/** How the runtime measures handler time (see lambda_lab_calibration.py). */
export interface EngineClockOptions {
  /** This thread's schedstat line (run ns, wait ns, slices), so a busy machine does not inflate measured time. */
  readonly schedstat?: () => string;
  /** Multiplies every measured time: a test's "slower machine" (default 1). */
  readonly timerScale?: number;
  /** Without schedstat, estimate the core share by probes and take preemption out (default true). */
  readonly loadCorrection?: boolean;
  /** Without schedstat, the ms this thread has stopped while Python ran, seen from inside (threadGaps.ts). */
  readonly threadGaps?: () => number;
  /**
   * A test's simulated machine, no real clock read: the timer advances `tickMs` at each read and, with
   * `stolenMs`, jumps that much after every `runMs` it ran (a thread preempted at a known rate). With
   * `gapsSeen` (or a `threadGaps` reader), the thread's gaps show those jumps, as threadGaps.ts would.
   */
  readonly simulatedMachine?: {
    readonly tickMs: number;
    readonly runMs?: number;
    readonly stolenMs?: number;
    readonly gapsSeen?: boolean;
  };
}

export function createEngine(
  pyodide: PyodideAPI,
  sources: PythonSources,
  clock: EngineClockOptions = {},
): Engine {
  const fs = asEmscriptenFs(pyodide.FS);
  const guards = installFsGuards(fs);
  const { runtime: byName, sitePackages } = splitSources(sources);
  writeTree(fs, RUNTIME_DIR, byName);
  guards.markReadOnly(fs.lookupPath(RUNTIME_DIR).node);
  writeTree(fs, SITE_PACKAGES, sitePackages);
  guards.markReadOnly(fs.lookupPath(SITE_PACKAGES).node);
  fs.mkdirTree(LAB_DIR);
  // Other environments' /tmp and other functions' code: out of reach by path while an environment is
  // resident (the runtime locks and unlocks it around each switch, see lambda_lab_envs.py).
  guards.hideTree(fs.lookupPath(LAB_DIR).node);
  pyodide.registerJsModule('lab_fs', { lock: (on: boolean) => guards.setLocked(on) });
  const entry = pyodide.runPython(
    [
      'import sys',
      `sys.path.insert(0, ${JSON.stringify(RUNTIME_DIR)})`,
      // Last on the path, as on Lambda: a boto3 the learner ships in /var/task or a layer wins.
      `sys.path.append(${JSON.stringify(SITE_PACKAGES)})`,
      // The sandbox runs with its own builtins and is never entered in sys.modules (SECURITY.md); a
      // memory snapshot may hold it with the runtime already loaded (scripts/makeSnapshot.mjs).
      sandboxPython(runtimeDigest(sources)),
      `sandbox.start(${JSON.stringify(SITE_PACKAGES)})`,
    ].join('\n'),
    // A throwaway namespace: nothing of the boot is left in __main__ for handler code to find.
    { globals: pyodide.toPy({}) },
  ) as SandboxEntry;
  const calibration = entry.calibration as {
    configure(
      schedstat: (() => string) | undefined,
      timerScale: number,
      loadCorrection: boolean,
      stealRunMs: number,
      stealMs: number,
      tickMs: number,
      gaps: (() => number) | undefined,
    ): void;
  };
  // The calibration runs before `ready` (sealing may follow it): measured after it, it would compete
  // with the page's first render, and the first Durations would be billed by a slower reference.
  const machine = clock.simulatedMachine;
  calibration.configure(
    clock.schedstat,
    clock.timerScale ?? 1,
    clock.loadCorrection ?? true,
    machine?.runMs ?? 0,
    machine?.stolenMs ?? 0,
    machine?.tickMs ?? 0,
    clock.threadGaps ?? (machine?.gapsSeen ? () => 0 : undefined),
  );
  // true once sealed; the error if sealing failed, which every later call throws again.
  let sealed: true | Error | null = null;
  const finish = () => {
    if (sealed === true) return;
    if (sealed) throw sealed;
    try {
      entry.seal();
      sealed = true;
    } catch (error) {
      sealed = new Error(`The Lambda runtime could not seal its interpreter: ${String(error)}`);
      throw sealed;
    }
  };
  const runtime = asRuntimeModule(entry);
  const codeDirs = new Map<string, CodeDir>();
  const envs = new Map<string, EnvFiles>();
  let envSeq = 0;

  const acquireCode = (spec: EnvSpec): string => {
    const key = codeKey(spec);
    const existing = codeDirs.get(key);
    if (existing) {
      existing.refs += 1;
      return key;
    }
    const root = `/lambda-lab/code/${key}`;
    writeTree(fs, `${root}/task`, spec.code);
    fs.mkdirTree(`${root}/opt`);
    // Later layers overwrite earlier ones, as Lambda extracts them in order.
    for (const layer of spec.layers) writeTree(fs, `${root}/opt`, layer.files);
    const nodes = [fs.lookupPath(`${root}/task`).node, fs.lookupPath(`${root}/opt`).node];
    for (const node of nodes) guards.markReadOnly(node);
    codeDirs.set(key, { root, nodes, refs: 1 });
    return key;
  };

  const releaseCode = (key: string) => {
    const dir = codeDirs.get(key);
    if (!dir) return;
    dir.refs -= 1;
    if (dir.refs > 0) return;
    codeDirs.delete(key);
    for (const node of dir.nodes) guards.unmarkReadOnly(node);
    removeTree(fs, dir.root);
  };

  const createFiles = (spec: EnvSpec): EnvFiles => guards.trusted(() => createFilesNow(spec));
  const createFilesNow = (spec: EnvSpec): EnvFiles => {
    envSeq += 1;
    const root = `/lambda-lab/envs/e${envSeq}`;
    fs.mkdirTree(`${root}/tmp`);
    const tmpNode = fs.lookupPath(`${root}/tmp`).node;
    guards.limitSize(tmpNode, spec.ephemeralStorageMb * MB);
    return { codeKey: acquireCode(spec), root, tmpNode };
  };

  const pythonErrorType = (error: unknown): string | undefined =>
    error instanceof pyodide.ffi.PythonError ? error.type : undefined;

  /** A Python error escaping the runtime itself becomes a report; a wasm failure throws. */
  const recover = (envId: string, error: unknown): RunReport => {
    const type = pythonErrorType(error);
    if (type === undefined) throw error;
    // The runtime's own code was cut short: its namespace is not trustworthy any more.
    runtime.destroy_env(envId);
    if (type === 'KeyboardInterrupt') return bareReport({ status: 'timeout' });
    if (type === 'MemoryError') return bareReport({ status: 'outOfMemory' });
    const message = error instanceof Error ? error.message.trim().split('\n').slice(-1)[0] : String(error);
    return bareReport({ status: 'crash', message: `Lambda Lab runtime failure: ${message}` });
  };
  const runPhase = (envId: string, call: () => string): RunReport => {
    try {
      return parseRunReport(call());
    } catch (error) {
      return recover(envId, error);
    }
  };
  const runPhasePromising = async (envId: string, call: () => Promise<string>): Promise<RunReport> => {
    try {
      return parseRunReport(await call());
    } catch (error) {
      return recover(envId, error);
    }
  };

  const initPayload = (request: InitRequest): string => {
    const { env } = request;
    const files = envs.get(env.envId) ?? createFiles(env);
    envs.set(env.envId, files);
    return JSON.stringify({
      env,
      nowMs: request.nowMs,
      limitMs: request.limitMs,
      workModel: request.workModel ?? 'measured',
      taskDir: `/lambda-lab/code/${files.codeKey}/task`,
      optDir: `/lambda-lab/code/${files.codeKey}/opt`,
      tmpDir: `${files.root}/tmp`,
    });
  };

  return {
    finish,

    init(request) {
      finish();
      const payload = initPayload(request);
      return runPhase(request.env.envId, () => runtime.init_env(payload));
    },

    invoke(request) {
      finish();
      return runPhase(request.envId, () => runtime.invoke_env(JSON.stringify(request)));
    },

    initPromising(request) {
      finish();
      const payload = initPayload(request);
      return runPhasePromising(request.env.envId, () => runtime.init_env.callPromising(payload));
    },

    invokePromising(request) {
      finish();
      const json = JSON.stringify(request);
      return runPhasePromising(request.envId, () => runtime.invoke_env.callPromising(json));
    },

    destroy(envId) {
      runtime.destroy_env(envId);
      const files = envs.get(envId);
      if (!files) return;
      envs.delete(envId);
      guards.unlimitSize(files.tmpNode);
      guards.trusted(() => {
        removeTree(fs, files.root);
        releaseCode(files.codeKey);
      });
    },

    envIds: () => [...envs.keys()],

    tmpUsedBytes(envId) {
      const files = envs.get(envId);
      return files ? guards.usedBytes(files.tmpNode) : 0;
    },

    checkSyntax(files) {
      finish();
      return JSON.parse(entry.check_files(JSON.stringify(files))) as SyntaxProblem[];
    },
  };
}
