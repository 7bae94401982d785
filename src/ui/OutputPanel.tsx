/** The Test result, laid out like the Lambda console's: status, response, function logs, request id. */
import { useLabStore } from '../store/labStore';

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
            {result.initDurationMs !== null
              ? ` · Init ${result.initDurationMs.toFixed(2)} ms (cold start)`
              : ' · warm'}{' '}
            · {result.memorySizeMb} MB
            <br />
            <abbr title="Durations are modeled: the time measured in this browser, multiplied by the CPU share Lambda gives this memory size (1,769 MB = one vCPU), plus time.sleep and a modeled 5 ms per AWS call.">
              modeled
            </abbr>{' '}
            at {result.cpuScale.toFixed(1)}× the time measured here
          </p>
          <h3>Response</h3>
          <pre data-testid="result.response">{pretty(result.responseJson)}</pre>
          <h3>Function Logs</h3>
          <pre data-testid="result.logs">{result.logs.join('\n') || '(no output)'}</pre>
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
