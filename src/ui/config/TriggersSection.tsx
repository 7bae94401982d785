/**
 * Triggers: the draft's triggers as editable cards, an "Add trigger" form, and for each deployed trigger
 * what the world holds: the resource-based policy statement of a push source, the event source mapping of
 * a polling source, the resources Deploy created.
 */
import { useState } from 'react';
import type { TriggerView } from '../../controller/deploy/deploy';
import { type FieldErrors, triggerError, triggerField } from '../../controller/deploy/deployFields';
import { useLabStore } from '../../store/labStore';
import type { TriggerKind, TriggerSpec } from '../../store/workspaceDoc';
import { Section, SelectField } from './fields';
import { kindLabel, newTrigger, TRIGGER_KINDS, TriggerFields, triggerSource } from './TriggerFields';
import { useActiveDraft, useActiveName, type WorldView } from './useConfig';

const newId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

function Deployed({ view, current }: { view: TriggerView | undefined; current: boolean }) {
  if (!view)
    return (
      <p className="hint" data-testid="config.trigger.pending">
        Not deployed yet: Deploy (or Test) adds it to your world.
      </p>
    );
  const { info, statement, mapping } = view;
  return (
    <div className="cfg-deployed">
      <p className={current ? 'ok' : 'hint'} data-testid="config.trigger.state">
        {current ? 'Deployed.' : 'Deployed with other settings: Deploy replaces it with these.'}
      </p>
      {info.created.length > 0 ? (
        <p className="hint" data-testid="config.trigger.created">
          Created for it: {info.created.join('; ')}.
        </p>
      ) : null}
      {info.notes.map((n) => (
        <p className="hint" key={n}>
          {n}
        </p>
      ))}
      {info.invokeUrl ? (
        <p className="hint">
          Invoke URL: <code data-testid="config.trigger.url">{info.invokeUrl}</code>
        </p>
      ) : null}
      {statement ? (
        <details open>
          <summary>
            Resource-based policy statement (lets{' '}
            {String((statement.Principal as Record<string, string>)?.Service ?? 'the source')} invoke the
            function)
          </summary>
          <pre data-testid="config.trigger.policy">{JSON.stringify(statement, null, 2)}</pre>
        </details>
      ) : null}
      {mapping ? (
        <details open>
          <summary>Event source mapping (Lambda polls the source and invokes the function)</summary>
          <pre data-testid="config.trigger.esm">{JSON.stringify(mapping, null, 2)}</pre>
        </details>
      ) : null}
    </div>
  );
}

function AddTrigger({ onDone }: { onDone: () => void }) {
  const name = useActiveName();
  const addTrigger = useLabStore((s) => s.addTrigger);
  const [spec, setSpec] = useState<TriggerSpec>(() => newTrigger('sqs', name, newId()));
  const error = triggerError(spec);
  const [tried, setTried] = useState(false);
  return (
    <form
      className="cfg-add"
      aria-label="Add trigger"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (error) return;
        addTrigger(spec);
        onDone();
      }}
    >
      <SelectField<TriggerKind>
        label="Source"
        value={spec.kind}
        options={TRIGGER_KINDS}
        onChange={(kind) => setSpec(newTrigger(kind, name, spec.id))}
        testId="config.trigger.source"
      />
      <TriggerFields spec={spec} onChange={setSpec} testId="config.trigger.new" />
      {tried && error ? (
        <p className="inline-error" role="alert" data-testid="config.trigger.new.error">
          {error}
        </p>
      ) : null}
      <div className="cfg-actions">
        <button type="submit" className="primary" data-testid="config.trigger.confirm">
          Add
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function TriggersSection({ errors, world }: { errors: FieldErrors; world: WorldView }) {
  const draft = useActiveDraft();
  const { updateTrigger, removeTrigger } = useLabStore.getState();
  const [adding, setAdding] = useState(false);
  return (
    <Section title="Triggers" testId="config.triggers">
      <p className="hint">
        Polling sources (SQS, DynamoDB Streams) get an event source mapping: Lambda reads the source and
        invokes your function, so the execution role needs permission to read it. Push sources (S3, SNS,
        EventBridge, API Gateway) call Lambda themselves, so the function's resource-based policy gets a
        statement allowing them.
      </p>
      {draft.triggers.length === 0 ? <p className="muted">No triggers.</p> : null}
      <ul className="cfg-cards">
        {draft.triggers.map((t) => (
          <li key={t.id} className="cfg-card" data-testid="config.trigger" data-kind={t.kind}>
            <div className="cfg-card-head">
              <strong>{kindLabel(t.kind)}</strong> <span className="muted">{triggerSource(t)}</span>
              <button
                type="button"
                onClick={() => removeTrigger(t.id)}
                data-testid="config.trigger.remove"
                aria-label={`Remove the ${kindLabel(t.kind)} trigger`}
              >
                Remove
              </button>
            </div>
            <TriggerFields spec={t} onChange={updateTrigger} testId="config.trigger.edit" />
            {errors[triggerField(t.id)] ? (
              <p className="inline-error" role="alert" data-testid="config.trigger.error">
                {errors[triggerField(t.id)]}
              </p>
            ) : null}
            <Deployed
              view={world.triggers.find((v) => v.info.triggerId === t.id)}
              current={world.current.has(t.id)}
            />
          </li>
        ))}
      </ul>
      {world.triggers
        .filter((v) => !draft.triggers.some((t) => t.id === v.info.triggerId))
        .map((v) => (
          <p className="hint" key={v.info.triggerId} data-testid="config.trigger.removed">
            Removed here, still in your world until the next Deploy: {kindLabel(v.info.kind)} (
            {v.info.sourceArn}).
          </p>
        ))}
      {adding ? (
        <AddTrigger onDone={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)} data-testid="config.trigger.add">
          Add trigger
        </button>
      )}
    </Section>
  );
}
