/**
 * The saved test events of the active function: pick one, create one from a template of any event source
 * (built by the sim's own event builders), delete one, or share one as a link.
 */
import { useEffect, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EventTemplate } from '../../host/eventTemplates';
import {
  addEvent,
  applyToActive,
  deleteEvent,
  eventNameProblem,
  freeEventName,
  selectEvent,
} from '../../store/eventActions';
import { useLabStore } from '../../store/labStore';
import { DEFAULT_EVENT_JSON } from '../../store/workspaceDoc';
import { selectActiveFunction } from '../../store/workspaceSlice';

const HELLO = 'hello-world';

/** Sharing loads on use: a link is made on a click and read only when the address carries one. */
const sharing = () => import('./shareEvent');

/** Adds the event a shared link carries (once, on load) and clears it from the address bar. */
function useSharedEventFromUrl(): void {
  useEffect(() => {
    if (window.location.hash === '') return;
    void sharing().then(({ readSharedEvent }) => {
      const shared = readSharedEvent(window.location.hash);
      if (shared === null) return;
      history.replaceState(null, '', window.location.pathname + window.location.search);
      const { addNotice } = useLabStore.getState();
      if ('error' in shared) {
        addNotice('warning', shared.error);
        return;
      }
      let name = '';
      const problem = applyToActive(useLabStore, (draft) => {
        name = freeEventName(draft, shared.name);
        return addEvent(draft, name, shared.json);
      });
      addNotice(
        problem ? 'warning' : 'info',
        problem
          ? `The shared test event "${shared.name}" was not added: ${problem}`
          : `Added the shared test event "${name}" to ${useLabStore.getState().workspace.activeFunction}.`,
      );
    });
  }, []);
}

function NewEventForm({ onDone }: { readonly onDone: () => void }) {
  const id = useId();
  const draft = useLabStore(selectActiveFunction);
  const [name, setName] = useState('');
  const [template, setTemplate] = useState(HELLO);
  const [templates, setTemplates] = useState<readonly EventTemplate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void import('../../host/eventTemplates').then((m) => setTemplates(m.EVENT_TEMPLATES));
  }, []);
  const problem = name === '' ? null : eventNameProblem(draft, name);

  const create = async () => {
    const finalProblem = eventNameProblem(draft, name);
    if (finalProblem) {
      setError(finalProblem);
      return;
    }
    let json = DEFAULT_EVENT_JSON;
    if (template !== HELLO) {
      const m = await import('../../host/eventTemplates');
      const [source, kind] = template.split('/');
      const found = m.findTemplate(source ?? '', kind ?? '');
      if (found) json = `${JSON.stringify(m.buildTemplate(found), null, 2)}\n`;
    }
    const refused = applyToActive(useLabStore, (d) => addEvent(d, name, json));
    if (refused) setError(refused);
    else onDone();
  };

  return (
    <form
      className="event-form"
      data-testid="event.new-form"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <label htmlFor={`${id}-name`}>Event name</label>
      <input
        id={`${id}-name`}
        value={name}
        maxLength={25}
        onChange={(e) => {
          setName(e.target.value);
          setError(null);
        }}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-problem`}
        data-testid="event.name"
        placeholder="orderCreated"
      />
      <label htmlFor={`${id}-template`}>Template</label>
      <select
        id={`${id}-template`}
        value={template}
        onChange={(e) => setTemplate(e.target.value)}
        data-testid="event.template"
      >
        <option value={HELLO}>Hello world</option>
        {(templates ?? []).map((t) => (
          <option key={`${t.source}/${t.kind}`} value={`${t.source}/${t.kind}`}>
            {t.title}
          </option>
        ))}
      </select>
      <div className="event-form-actions">
        <button type="submit" data-testid="event.create">
          Create
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <p id={`${id}-problem`} className="inline-error" role="alert" data-testid="event.name-error">
        {error ?? problem ?? ''}
      </p>
    </form>
  );
}

export function EventBar() {
  useSharedEventFromUrl();
  const names = useLabStore(useShallow((s) => Object.keys(selectActiveFunction(s).events)));
  const active = useLabStore((s) => selectActiveFunction(s).activeEvent);
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<{ text: string; url?: string; bad?: boolean } | null>(null);

  const share = async () => {
    const draft = selectActiveFunction(useLabStore.getState());
    const { shareLink } = await sharing();
    const made = shareLink(window.location.href, { name: active, json: draft.events[active] ?? '' });
    if (!made.ok) {
      setMessage({ text: made.reason, bad: true });
      return;
    }
    try {
      await navigator.clipboard.writeText(made.url);
      setMessage({ text: `Link to "${active}" copied.`, url: made.url });
    } catch {
      setMessage({ text: `Copy this link to share "${active}":`, url: made.url });
    }
  };

  return (
    <div className="event-bar-wrap">
      <div className="event-bar">
        <label>
          Event{' '}
          <select
            value={active}
            data-testid="event.select"
            onChange={(e) => {
              applyToActive(useLabStore, (d) => selectEvent(d, e.target.value));
              setMessage(null);
            }}
          >
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => setCreating((c) => !c)}
          data-testid="event.new"
          aria-expanded={creating}
        >
          New…
        </button>
        <button type="button" onClick={() => void share()} data-testid="event.share">
          Share link
        </button>
        <button
          type="button"
          data-testid="event.delete"
          disabled={names.length <= 1}
          title={names.length <= 1 ? 'A function keeps at least one test event' : `Delete "${active}"`}
          onClick={() => {
            if (!window.confirm(`Delete the test event "${active}"?`)) return;
            const refused = applyToActive(useLabStore, (d) => deleteEvent(d, active));
            setMessage(refused ? { text: refused, bad: true } : null);
          }}
        >
          Delete
        </button>
      </div>
      {creating ? <NewEventForm onDone={() => setCreating(false)} /> : null}
      {message ? (
        <p className={message.bad ? 'inline-error' : 'hint'} role="status" data-testid="event.share-status">
          {message.text}{' '}
          {message.url ? (
            <input
              readOnly
              value={message.url}
              aria-label="Share link"
              data-testid="event.share-url"
              onFocus={(e) => e.currentTarget.select()}
            />
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
