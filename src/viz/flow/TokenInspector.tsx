/** The clicked token's event JSON, its invocation(s) and their log lines. */
import { formatDuration } from '../common/format';
import type { TokenDetails } from './inspectToken';

export function TokenInspector({
  details,
  onClose,
}: {
  readonly details: TokenDetails;
  readonly onClose: () => void;
}) {
  return (
    <section className="viz-inspector" data-testid="flow.inspector" aria-label="Token details">
      <button type="button" onClick={onClose}>
        Close details
      </button>
      <h4>{details.eventName}</h4>
      <pre data-testid="flow.inspector.event">{details.eventJson}</pre>
      {details.bodyJson ? (
        <>
          <h4>Event body</h4>
          <pre data-testid="flow.inspector.body">{details.bodyJson}</pre>
        </>
      ) : (
        <p className="muted">The trace does not carry this event's body.</p>
      )}
      {details.invocations.length > 0 ? (
        <table className="viz-table" data-testid="flow.inspector.invocations">
          <caption>Invocations</caption>
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Attempt</th>
              <th scope="col">Start</th>
              <th scope="col">Status</th>
              <th scope="col">Duration</th>
              <th scope="col">Billed</th>
            </tr>
          </thead>
          <tbody>
            {details.invocations.map((i) => (
              <tr key={`${i.requestId}:${i.attempts}`}>
                <td>{i.requestId}</td>
                <td>{i.attempts}</td>
                <td>{i.cold ? `cold (Init ${formatDuration(i.initDurationMs ?? Number.NaN)})` : 'warm'}</td>
                <td>{i.status ? `${i.status}${i.errorType ? ` (${i.errorType})` : ''}` : 'running'}</td>
                <td>{i.durationMs === null ? '–' : formatDuration(i.durationMs)}</td>
                <td>{i.billedDurationMs === null ? '–' : `${i.billedDurationMs} ms`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {details.logLines.length > 0 ? (
        <>
          <h4>Log lines</h4>
          <pre data-testid="flow.inspector.logs">{details.logLines.join('\n')}</pre>
        </>
      ) : null}
    </section>
  );
}
