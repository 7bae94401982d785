/**
 * Python syntax errors marked as you type: after a pause (~400 ms) the shown file goes to Python (the worker
 * compiles it, never runs it), and the answer becomes Monaco markers. A check that finds every worker busy
 * (a handler running) or Python still starting is simply asked again a little later.
 */
import type { SyntaxProblem } from '../../runtime/protocol';
import { monaco } from './monacoSetup';
import { problemRange } from './syntaxProblems';

export const MARKER_OWNER = 'python-syntax';

export function toMarkers(problems: readonly SyntaxProblem[], text: string): monaco.editor.IMarkerData[] {
  const lines = text.split('\n');
  return problems.map((p) => ({
    ...problemRange(p, lines),
    severity: p.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: `${p.kind}: ${p.message}`,
    source: 'Python',
  }));
}

export interface SyntaxWatchOptions {
  /** The file name Python should report (`pkg/util.py`) for a model. */
  readonly fileOf: (model: monaco.editor.ITextModel) => string | null;
  readonly check: (files: Readonly<Record<string, string>>) => Promise<readonly SyntaxProblem[] | null>;
  /** Every answer applied to the shown model, for a summary beside the editor. */
  readonly onProblems?: (file: string, problems: readonly SyntaxProblem[]) => void;
  readonly delayMs?: number;
  readonly retryMs?: number;
}

/** Watches an editor's shown model; returns the function that stops watching. */
export function watchSyntax(editor: monaco.editor.ICodeEditor, options: SyntaxWatchOptions): () => void {
  const delayMs = options.delayMs ?? 400;
  const retryMs = options.retryMs ?? 1000;
  // The version last checked per model, so switching back to a checked file does not ask again.
  const checked = new WeakMap<monaco.editor.ITextModel, number>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
  };

  async function run(): Promise<void> {
    timer = null;
    const model = editor.getModel();
    if (stopped || !model || model.isDisposed()) return;
    const file = options.fileOf(model);
    if (!file) return;
    const version = model.getVersionId();
    const text = model.getValue(monaco.editor.EndOfLinePreference.LF);
    let problems: readonly SyntaxProblem[] | null;
    try {
      problems = await options.check({ [file]: text });
    } catch {
      problems = null;
    }
    if (stopped || model.isDisposed()) return;
    if (problems === null) {
      if (editor.getModel() === model) schedule(retryMs);
      return;
    }
    // An answer for text that has changed since is stale: the newer edit has its own check coming.
    if (model.getVersionId() !== version) return;
    checked.set(model, version);
    monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(problems, text));
    if (editor.getModel() === model) options.onProblems?.(file, problems);
  }

  const onShown = () => {
    const model = editor.getModel();
    if (!model) return;
    if (checked.get(model) === model.getVersionId()) {
      const file = options.fileOf(model);
      const markers = monaco.editor.getModelMarkers({ owner: MARKER_OWNER, resource: model.uri });
      if (file)
        options.onProblems?.(
          file,
          markers.map((m) => markerProblem(file, m)),
        );
    } else schedule(0);
  };

  const subscriptions = [
    editor.onDidChangeModelContent(() => schedule(delayMs)),
    editor.onDidChangeModel(onShown),
  ];
  onShown();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    for (const s of subscriptions) s.dispose();
  };
}

/** A marker read back as a problem (for the summary after switching files). */
function markerProblem(file: string, m: monaco.editor.IMarker): SyntaxProblem {
  const colon = m.message.indexOf(': ');
  return {
    file,
    kind: colon > 0 ? m.message.slice(0, colon) : 'SyntaxError',
    severity: m.severity === monaco.MarkerSeverity.Error ? 'error' : 'warning',
    message: colon > 0 ? m.message.slice(colon + 2) : m.message,
    line: m.startLineNumber,
    column: m.startColumn,
    endLine: m.endLineNumber,
    endColumn: m.endColumn,
  };
}
