/** The Test result, laid out like the Lambda console's: status, response, function logs, request id. */
import { useLabStore } from '../store/labStore';
import { DURATION_MODEL_NOTE, explainDuration } from './durationModel';
import { startLabel, warningSummary } from './output/resultLabels';

/** The function's log lines, with Lambda's long LAMBDA_WARNING folded to its first sentence. */
function LogLines({ logs }: { readonly logs: readonly string[] }) {
  if (logs.length === 0) return <>(no output)</>;
  return logs.map((line, i) => {
    const summary = warningSummary(line);
    const end = i < logs.length - 1 ? '\n' : '';
    return summary === null ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: log lines are append-only and may repeat
      <span key={i}>{line + end}</span>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: log lines are append-only and may repeat
      <details key={i} className="log-warning">
        <summary>{summary}</summary>
        {line + end}
      </details>
    );
  });
}

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

export function OutputPanel() {
  const result = useLabStore((s) => s.lastResult);
  const runError = useLabStore((s) => s.runError);
  return (
    <div className="output-result" aria-live="polite">
      <h2 className="visually-hidden">Execution result</h2>
      {runError ? (
        <p className="inline-error" role="alert" data-testid="result.error">
          {runError}
        </p>
      ) : null}
      {result ? (
        <div className="result">
          <p>
            Status:{' '}
            <strong className={result.status === 'Succeeded' ? 'ok' : 'bad'} data-testid="result.status">
              {result.status}
            </strong>
          </p>
          <p className="muted" data-testid="result.summary">
            Duration {result.durationMs.toFixed(2)} ms · Billed {result.billedDurationMs} ms
            {` · ${startLabel(result)}`} · {result.memorySizeMb} MB
            <br />
            <abbr title={DURATION_MODEL_NOTE} data-testid="result.model">
              {result.model
                ? explainDuration(result.durationMs, result.model, result.memorySizeMb)
                : 'Duration measured on this machine (a lesson snippet runs outside the simulation)'}
            </abbr>
          </p>
          <h3>Response</h3>
          <pre data-testid="result.response">{pretty(result.responseJson)}</pre>
          <h3>Function Logs</h3>
          <pre data-testid="result.logs">
            <LogLines logs={result.logs} />
          </pre>
          <p className="muted">
            Request ID: <code data-testid="result.requestId">{result.requestId}</code>
          </p>
        </div>
      ) : (
        <p className="muted">Press Test to run the handler with the test event.</p>
      )}
    </div>
  );
}
