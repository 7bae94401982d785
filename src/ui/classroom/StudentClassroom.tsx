/**
 * The student's screen for a live class: join with the code on the projector (a name is optional), answer
 * the question the instructor opens, see the reveal. A reload or a dropped connection rejoins the same
 * seat with the answer kept (the seat lives in this tab's sessionStorage).
 */
import { type FormEvent, useId, useState } from 'react';
import { studentSeat } from '../../classroom/client';
import {
  type AnswerValue,
  CODE_LENGTH,
  isJoinCode,
  LIMITS,
  normalizeCode,
  type ServerMessageOf,
} from '../../classroom/protocol';
import { classroomFromUrl } from './classroomUrl';
import { NoServer } from './NoServer';
import { RevealView } from './RevealView';
import { StudentQuestion } from './StudentQuestion';
import { STATUS_TEXT, useClassroomConnection, useClassroomServer } from './useClassroom';
import '../course/course.css';
import './classroom.css';

type View =
  | { readonly kind: 'join' }
  | { readonly kind: 'question'; readonly msg: ServerMessageOf<'question'> }
  | { readonly kind: 'reveal'; readonly msg: ServerMessageOf<'reveal'> }
  | { readonly kind: 'ended' };

/** Refusals after which this tab's seat is gone for good: back to the join form. */
const SEAT_LOST = new Set(['not-joined', 'code-expired', 'code-unknown', 'session-ended']);

export interface StudentClassroomProps {
  /** The code to prefill; defaults to the page's `?join=` parameter. */
  readonly code?: string | null;
}

export function StudentClassroom({ code: given }: StudentClassroomProps) {
  const server = useClassroomServer();
  const urlCode =
    given !== undefined
      ? given
      : (() => {
          const r = classroomFromUrl();
          return r?.role === 'student' ? r.code : null;
        })();
  const [seats] = useState(() => studentSeat());
  const [seat, setSeat] = useState(() => {
    const s = seats.load();
    return s && (urlCode === null || s.code === urlCode) ? s : null;
  });
  const [view, setView] = useState<View>({ kind: 'join' });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [codeText, setCodeText] = useState(urlCode ?? '');
  const [name, setName] = useState('');
  const id = useId();

  const connection = useClassroomConnection(
    server.state === 'available',
    () => (seat ? { type: 'rejoin', code: seat.code, studentId: seat.studentId, resume: seat.resume } : null),
    (msg) => {
      switch (msg.type) {
        case 'joined': {
          const next = { code: msg.code, studentId: msg.studentId, resume: msg.resume, name: msg.name };
          seats.save(next);
          setSeat(next);
          setPending(false);
          setError(null);
          return;
        }
        case 'question':
          setView({ kind: 'question', msg });
          return;
        case 'answered':
          setView((v) =>
            v.kind === 'question' && v.msg.round?.seq === msg.seq
              ? { kind: 'question', msg: { ...v.msg, yourAnswer: msg.answer } }
              : v,
          );
          setError(null);
          return;
        case 'reveal':
          setView({ kind: 'reveal', msg });
          return;
        case 'ended':
          seats.clear();
          setSeat(null);
          setView({ kind: 'ended' });
          return;
        case 'error':
          setPending(false);
          setError(msg.message);
          if ((msg.about === 'rejoin' || msg.about === 'answer') && SEAT_LOST.has(msg.code)) {
            seats.clear();
            setSeat(null);
            setView({ kind: 'join' });
          }
          return;
        default:
          return;
      }
    },
  );

  if (server.state === 'checking') return <p className="muted">Looking for the classroom server…</p>;
  if (server.state === 'missing') return <NoServer who="student" />;

  const join = (e: FormEvent) => {
    e.preventDefault();
    const code = normalizeCode(codeText);
    if (!isJoinCode(code)) {
      setError(
        `A join code has ${CODE_LENGTH} letters and digits, as shown on the instructor’s screen (for example K7M2-QXPA).`,
      );
      return;
    }
    setError(null);
    setPending(true);
    connection.send({ type: 'join', code, ...(name.trim() ? { name: name.trim() } : {}) });
  };
  const send = (seq: number, answer: AnswerValue) => connection.send({ type: 'answer', seq, answer });

  return (
    <section
      className="classroom classroom-student"
      aria-labelledby={`${id}-h`}
      data-testid="classroom.student"
    >
      <header className="classroom-header">
        <h2 id={`${id}-h`}>Live class</h2>
        {seat && (
          <p data-testid="classroom.seat">
            Joined <strong>{seat.code}</strong> as <strong>{seat.name}</strong>
          </p>
        )}
        <p className="muted classroom-status" data-state={connection.status} data-testid="classroom.status">
          {STATUS_TEXT[connection.status]}
        </p>
      </header>
      {error !== null && (
        <p className="inline-error" role="alert" data-testid="classroom.error">
          {error}
        </p>
      )}
      {view.kind === 'ended' && (
        <p data-testid="classroom.ended">The instructor has ended this session. Thanks for taking part!</p>
      )}
      {!seat && view.kind !== 'ended' && (
        <form className="classroom-card classroom-join" onSubmit={join} data-testid="classroom.join">
          <label htmlFor={`${id}-code`}>Join code</label>
          <input
            id={`${id}-code`}
            value={codeText}
            onChange={(e) => setCodeText(e.currentTarget.value)}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            maxLength={12}
            required
            data-testid="classroom.code-input"
          />
          <label htmlFor={`${id}-name`}>
            Your name <span className="muted">(optional: leave it empty to stay anonymous)</span>
          </label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={LIMITS.maxNameLength}
            autoComplete="nickname"
            data-testid="classroom.name-input"
          />
          <button type="submit" className="primary" disabled={pending} data-testid="classroom.join-button">
            {pending ? 'Joining…' : 'Join'}
          </button>
        </form>
      )}
      {seat && view.kind === 'question' && view.msg.round === null && (
        <p className="classroom-card" data-testid="classroom.waiting">
          You are in. The question appears here when the instructor asks it.
        </p>
      )}
      {seat && view.kind === 'question' && view.msg.round !== null && (
        <StudentQuestion
          key={view.msg.round.seq}
          seq={view.msg.round.seq}
          question={view.msg.round.question}
          sent={view.msg.yourAnswer}
          onSend={(a) => view.msg.round && send(view.msg.round.seq, a)}
          disabled={connection.status !== 'open'}
        />
      )}
      {seat && view.kind === 'reveal' && (
        <RevealView
          seq={view.msg.round.seq}
          question={view.msg.round.question}
          yourAnswer={view.msg.yourAnswer}
          yourCorrect={view.msg.yourCorrect}
          histogram={view.msg.histogram}
        />
      )}
    </section>
  );
}
