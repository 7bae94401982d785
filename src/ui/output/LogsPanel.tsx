/**
 * CloudWatch Logs for the learner's world: log groups, one stream per execution environment, and Filter
 * events by request id (that request's lines, Init included) and by text. Lines are shown exactly.
 */
import { useState } from 'react';
import type { LogGroupView } from '../../controller/console/consoleKit';
import { eventsNamed, type TraceEvent } from '../../sim';
import { DURATION_MODEL_NOTE, explainDuration } from '../durationModel';
import { formatTime } from '../resources/formParts';
import { useWorldRead } from '../resources/labLink';
import { NotReady } from '../resources/ResourcePicker';
import '../resources/shared.css';
import './output.css';

const REQUEST_LINE = /^START RequestId: ([0-9a-f-]+)/;
const REPORT_LINE = /^REPORT RequestId: ([0-9a-f-]+)\t.*Memory Size: (\d+) MB/;

/** The tooltip of each shown REPORT line: how its Duration was modeled (from the invoke's trace event). */
function reportTitles(
  lines: readonly { message: string }[],
  trace: readonly TraceEvent[],
): Map<string, string> {
  const memory = new Map<string, number>();
  for (const line of lines) {
    const match = REPORT_LINE.exec(line.message);
    if (match?.[1] && match[2]) memory.set(match[1], Number(match[2]));
  }
  const titles = new Map<string, string>();
  if (memory.size === 0) return titles;
  for (const end of eventsNamed(trace, 'lambda.invoke.end')) {
    const mb = memory.get(end.requestId);
    if (mb === undefined) continue;
    titles.set(end.requestId, `${explainDuration(end.durationMs, end.model, mb)}. ${DURATION_MODEL_NOTE}`);
  }
  return titles;
}

export function LogsPanel() {
  const [chosenGroup, setGroup] = useState('');
  const [stream, setStream] = useState<string | null>(null);
  const [requestId, setRequestId] = useState('');
  const [text, setText] = useState('');
  const data = useWorldRead(
    (kit, live) => {
      const groups = kit.logGroups(live.lab);
      const group = groups.find((g) => g.name === chosenGroup) ?? groups[0];
      if (!group) return { groups, group: null, result: null, requestIds: [] };
      const inGroup = stream !== null && group.streams.some((s) => s.name === stream) ? stream : null;
      const result = kit.filterLogEvents(live.lab, { group: group.name, stream: inGroup, requestId, text });
      const requestIds = kit
        .filterLogEvents(live.lab, { group: group.name, stream: null, text: 'START RequestId: ', limit: 50 })
        .lines.flatMap((l) => REQUEST_LINE.exec(l.message)?.[1] ?? [])
        .reverse();
      const titles = reportTitles(result.lines, live.lab.world.trace.events);
      return { groups, group, result, requestIds, stream: inGroup, titles };
    },
    [chosenGroup, stream, requestId, text],
  );
  if ('missing' in data) return <NotReady why={data.missing} />;
  const { groups, group, result, requestIds } = data.value;
  const titles = data.value.titles ?? new Map<string, string>();
  if (!group || !result)
    return (
      <p className="muted" data-testid="logs.empty">
        No log groups yet: each function gets <code>/aws/lambda/&lt;name&gt;</code> when it first runs.
      </p>
    );
  const selected = data.value.stream ?? null;
  return (
    <div className="output-view logs-panel" data-testid="logs">
      <div className="out-controls">
        <label>
          Log group{' '}
          <select
            value={group.name}
            onChange={(e) => {
              setGroup(e.target.value);
              setStream(null);
            }}
            data-testid="logs.group"
          >
            {groups.map((g) => (
              <option key={g.name} value={g.name}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Request id{' '}
          <input
            value={requestId}
            onChange={(e) => setRequestId(e.target.value)}
            list="logs-request-ids"
            placeholder="any"
            size={38}
            spellCheck={false}
            data-testid="logs.filter.requestId"
          />
          <datalist id="logs-request-ids">
            {requestIds.map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
        </label>
        <label>
          Filter events{' '}
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="text, case-sensitive"
            spellCheck={false}
            data-testid="logs.filter"
          />
        </label>
      </div>
      <StreamList group={group} selected={selected} onSelect={setStream} />
      <p className="muted" data-testid="logs.count" aria-live="polite">
        {result.matched.toLocaleString('en-US')} event{result.matched === 1 ? '' : 's'}
        {selected ? ' in this stream' : ' in all streams'}
        {result.matched > result.lines.length
          ? `; showing the last ${result.lines.length.toLocaleString('en-US')}`
          : ''}
        {result.lines[0] ? ` · times UTC, ${formatTime(result.lines[0].timestamp).slice(0, 10)}` : ''}
      </p>
      <ol className="log-lines" data-testid="logs.lines" aria-label="Log events">
        {result.lines.map((l) => (
          <li key={l.index} data-testid="logs.line">
            <time
              className="log-time"
              dateTime={new Date(l.timestamp).toISOString()}
              title={formatTime(l.timestamp)}
            >
              {formatTime(l.timestamp).slice(11, 23)}
            </time>
            <span className="log-msg" title={titles.get(REPORT_LINE.exec(l.message)?.[1] ?? '')}>
              {l.message}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function StreamList({
  group,
  selected,
  onSelect,
}: {
  group: LogGroupView;
  selected: string | null;
  onSelect: (stream: string | null) => void;
}) {
  return (
    <div className="log-streams">
      <button
        type="button"
        aria-pressed={selected === null}
        onClick={() => onSelect(null)}
        data-testid="logs.stream.all"
      >
        All streams ({group.streams.length})
      </button>
      <ul aria-label="Log streams, one per execution environment">
        {group.streams.map((s) => (
          <li key={s.name}>
            <button
              type="button"
              aria-pressed={selected === s.name}
              onClick={() => onSelect(s.name)}
              data-testid="logs.stream"
              data-stream={s.name}
            >
              <code>{s.name}</code>
            </button>{' '}
            <span className="muted">
              {s.eventCount} event{s.eventCount === 1 ? '' : 's'}
              {s.envState ? ` · environment ${s.envState}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default LogsPanel;
