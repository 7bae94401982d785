/**
 * The instructor's live-class screen: open a session, show the join code and link, ask a question from
 * the course's quizzes, watch the answers arrive, reveal (a predict question replays in the timeline),
 * move on, export the results as CSV. The token stays in this tab, so a reload resumes the session.
 */
import { useId, useState } from 'react';
import { instructorSeat } from '../../classroom/client';
import type { ServerMessageOf } from '../../classroom/protocol';
import { classroomFromUrl } from './classroomUrl';
import { NoServer } from './NoServer';
import { allQuestions, findQuestion, nextQuestion, type Pick, QuestionPicker } from './QuestionPicker';
import { RoundPanel } from './RoundPanel';
import { SessionBanner } from './SessionBanner';
import { useBundledCourse } from './useBundledCourse';
import { STATUS_TEXT, useClassroomConnection, useClassroomServer } from './useClassroom';
import '../course/course.css';
import './classroom.css';

type Session = ServerMessageOf<'session'>;

/** Saves a CSV through a download link; the BOM makes spreadsheet apps read it as UTF-8. */
function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([`\ufeff${text}`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface InstructorClassroomProps {
  /** The host key from the server's printed link; defaults to the page's `#key=`. */
  readonly hostKey?: string | null;
}

export function InstructorClassroom({ hostKey: given }: InstructorClassroomProps) {
  const server = useClassroomServer();
  const { course, error: courseError } = useBundledCourse();
  const urlKey =
    given !== undefined
      ? given
      : (() => {
          const r = classroomFromUrl();
          return r?.role === 'instructor' ? r.hostKey : null;
        })();
  const [seats] = useState(() => instructorSeat());
  const [live, setLive] = useState<Session | null>(null);
  const [pick, setPick] = useState<Pick | null>(null);
  /** The last question of the course was asked: there is no next one until another is picked. */
  const [atEnd, setAtEnd] = useState(false);
  const [keyText, setKeyText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  const connection = useClassroomConnection(
    server.state === 'available',
    () => {
      const seat = seats.load();
      return seat ? { type: 'resume', code: seat.code, token: seat.token } : null;
    },
    (msg) => {
      if (msg.type === 'session') {
        seats.save({ code: msg.code, token: msg.token });
        setLive(msg);
        setBusy(false);
        setError(null);
      } else if (msg.type === 'histogram') {
        setLive((s) =>
          s && msg.histogram.seq === (s.round?.seq ?? 0) ? { ...s, histogram: msg.histogram } : s,
        );
      } else if (msg.type === 'csv') {
        download(msg.filename, msg.text);
      } else if (msg.type === 'ended') {
        setLive((s) => (s ? { ...s, ended: true } : s));
      } else if (msg.type === 'error') {
        setBusy(false);
        setError(msg.message);
        if (msg.about === 'resume') {
          seats.clear();
          setLive(null);
        }
      }
    },
  );

  if (server.state === 'checking') return <p className="muted">Looking for the classroom server…</p>;
  if (server.state === 'missing') return <NoServer who="instructor" />;
  const { info } = server;
  const needKey = !info.local && urlKey === null;
  const all = course ? allQuestions(course) : [];
  const chosen = (course && (pick ? findQuestion(course, pick) : all[0])) || null;
  const upNext = chosen?.ref.label ?? null;

  const open = () => {
    setBusy(true);
    seats.clear();
    const key = urlKey ?? (keyText.trim() || undefined);
    connection.send({ type: 'create', ...(key ? { hostKey: key } : {}) });
  };
  const ask = () => {
    if (!live || !chosen || !course) return;
    setBusy(true);
    connection.send({
      type: 'ask',
      code: live.code,
      token: live.token,
      ref: chosen.ref,
      question: chosen.question,
    });
    const next = nextQuestion(course, chosen.ref);
    if (next) setPick(next.ref);
    setAtEnd(next === null);
  };
  const auth = live ? { code: live.code, token: live.token } : null;

  return (
    <section
      className="classroom classroom-instructor"
      aria-labelledby={`${id}-h`}
      data-testid="classroom.instructor"
    >
      <header className="classroom-header">
        <h2 id={`${id}-h`}>Live class</h2>
        <p className="muted classroom-status" data-state={connection.status} data-testid="classroom.status">
          {STATUS_TEXT[connection.status]}
        </p>
      </header>
      {error !== null && (
        <p className="inline-error" role="alert" data-testid="classroom.error">
          {error}
        </p>
      )}
      {courseError !== null && (
        <p className="inline-error" role="alert">
          The course could not be loaded: {courseError}
        </p>
      )}
      {(!live || live.ended) && (
        <div className="classroom-card">
          {live?.ended && (
            <p data-testid="classroom.ended">This session has ended. Its results can still be exported.</p>
          )}
          {needKey && (
            <>
              <label htmlFor={`${id}-key`}>
                Host key (printed by <code>npm run classroom</code>)
              </label>
              <input
                id={`${id}-key`}
                type="password"
                value={keyText}
                onChange={(e) => setKeyText(e.currentTarget.value)}
                autoComplete="off"
              />
            </>
          )}
          <button
            type="button"
            className="primary"
            onClick={open}
            disabled={busy || (needKey && keyText.trim() === '')}
            data-testid="classroom.open"
          >
            {live?.ended ? 'Open a new session' : 'Open a live session'}
          </button>
        </div>
      )}
      {live && (
        <SessionBanner
          session={live}
          lanUrls={info.lanUrls}
          onExport={() => auth && connection.send({ type: 'export', ...auth })}
          onEnd={() => auth && connection.send({ type: 'end', ...auth })}
        />
      )}
      {live?.round && (
        <RoundPanel
          course={course}
          round={live.round}
          histogram={live.histogram}
          onReveal={() => auth && connection.send({ type: 'reveal', ...auth })}
          onNext={live.ended || !chosen || atEnd ? null : ask}
          nextLabel={upNext}
          busy={busy}
        />
      )}
      {live && !live.ended && course && (
        <div className="classroom-card">
          <QuestionPicker
            course={course}
            value={chosen?.ref ?? { lessonId: '', quizId: '', questionId: '' }}
            onChange={(p) => {
              setPick(p);
              setAtEnd(false);
            }}
          />
          {!live.round && (
            <button
              type="button"
              className="primary"
              onClick={ask}
              disabled={busy || !chosen}
              data-testid="classroom.ask"
            >
              Ask this question
            </button>
          )}
          {live.round && !live.round.revealed && (
            <button type="button" onClick={ask} disabled={busy || !chosen} data-testid="classroom.ask">
              Ask this one instead
            </button>
          )}
        </div>
      )}
    </section>
  );
}
