/**
 * Where and how to join, big enough to read from the back of the room before the first question, and a
 * single line once questions run; with the export and end buttons.
 */
import { displayCode } from '../../classroom/joinCode';
import type { ServerMessageOf } from '../../classroom/protocol';
import { joinUrl } from './classroomUrl';

export interface SessionBannerProps {
  readonly session: ServerMessageOf<'session'>;
  readonly lanUrls: readonly string[];
  readonly onExport: () => void;
  readonly onEnd: () => void;
}

export function SessionBanner({ session: live, lanUrls, onExport, onEnd }: SessionBannerProps) {
  const bases = lanUrls.length > 0 ? lanUrls : [`${location.origin}/`];
  const end = () => {
    if (
      window.confirm('End this session? Students can no longer join or answer; the results stay exportable.')
    )
      onEnd();
  };
  return (
    <div
      className="classroom-card classroom-banner"
      data-compact={live.round !== null}
      data-testid="classroom.session"
    >
      <p className="classroom-where">
        <span className="course-kicker">Join at</span>{' '}
        <span className="classroom-link">
          {bases.map((base) => (
            <a key={base} href={joinUrl(base, live.code)} data-testid="classroom.join-link">
              {base.replace(/^https?:\/\//, '').replace(/\/$/, '')}
            </a>
          ))}
        </span>{' '}
        <span className="course-kicker">with the code</span>{' '}
        <span className="classroom-code" data-testid="classroom.code" data-code={live.code}>
          <span aria-hidden="true">{displayCode(live.code)}</span>
          {/* Spelled out, so a screen reader reads characters, not a word. */}
          <span className="visually-hidden">{[...live.code].join(' ')}</span>
        </span>
      </p>
      <p className="muted" data-testid="classroom.roster">
        {live.histogram.joined} joined, {live.histogram.connected} connected · code valid until{' '}
        {new Date(live.codeExpiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
      </p>
      <div className="course-row">
        <button type="button" onClick={onExport} data-testid="classroom.export">
          Export results (CSV)
        </button>
        {!live.ended && (
          <button type="button" onClick={end} data-testid="classroom.end">
            End session
          </button>
        )}
      </div>
    </div>
  );
}
