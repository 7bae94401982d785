/** Destinations (asynchronous invocations) and concurrency (reserved, and provisioned on the alias live). */
import type { FieldErrors } from '../../controller/deploy/deployFields';
import { LIVE_ALIAS } from '../../controller/deploy/deployFunction';
import { useLabStore } from '../../store/labStore';
import type { DestinationRef } from '../../store/workspaceDoc';
import { Checkbox, Modeled, NumberField, Section, SelectField, TextField } from './fields';
import { useActiveDraft } from './useConfig';

type DestKind = DestinationRef['kind'] | 'none';

function Destination({ which, errors }: { which: 'onSuccess' | 'onFailure'; errors: FieldErrors }) {
  const draft = useActiveDraft();
  const patch = useLabStore((s) => s.patchFunction);
  const d = draft.destinations;
  const ref = d[which];
  const set = (next: DestinationRef | null) => patch({ destinations: { ...d, [which]: next } });
  const label = which === 'onSuccess' ? 'On success' : 'On failure';
  return (
    <div className="cfg-grid">
      <SelectField<DestKind>
        label={`${label}: destination type`}
        value={ref?.kind ?? 'none'}
        options={[
          { value: 'none', label: 'None' },
          { value: 'sqs', label: 'SQS queue' },
          { value: 'sns', label: 'SNS topic' },
          { value: 'lambda', label: 'Lambda function' },
        ]}
        onChange={(kind) => set(kind === 'none' ? null : { kind, name: ref?.name ?? '' })}
        testId={`config.destination.${which}.kind`}
      />
      {ref ? (
        <TextField
          label={`${label}: ${ref.kind === 'lambda' ? 'function' : ref.kind === 'sqs' ? 'queue' : 'topic'} name`}
          value={ref.name}
          onChange={(name) => set({ ...ref, name })}
          hint={
            ref.kind === 'lambda'
              ? 'A function that is already deployed.'
              : 'Deploy creates it when it does not exist.'
          }
          error={errors[`destinations.${which}`]}
          testId={`config.destination.${which}.name`}
        />
      ) : null}
    </div>
  );
}

export function DestinationsSection({ errors }: { errors: FieldErrors }) {
  const draft = useActiveDraft();
  const patch = useLabStore((s) => s.patchFunction);
  const d = draft.destinations;
  return (
    <Section title="Asynchronous invocation and destinations" testId="config.destinations">
      <p className="hint">
        For asynchronous invocations only (S3, SNS, EventBridge, <code>InvocationType="Event"</code>): Lambda
        retries a failed event, then sends a record of the outcome to the destination.
      </p>
      <div className="cfg-grid">
        <NumberField
          label="Retry attempts"
          value={d.maximumRetryAttempts}
          onChange={(maximumRetryAttempts) => patch({ destinations: { ...d, maximumRetryAttempts } })}
          hint="0 to 2; retries come about 1 and 2 minutes after a failure."
          error={errors.destinations}
          testId="config.destination.retries"
        />
        <NumberField
          label="Maximum age of event"
          unit="seconds"
          value={d.maximumEventAgeS}
          onChange={(maximumEventAgeS) => patch({ destinations: { ...d, maximumEventAgeS } })}
          hint="60 s to 6 hours."
          testId="config.destination.age"
        />
      </div>
      <Destination which="onSuccess" errors={errors} />
      <Destination which="onFailure" errors={errors} />
    </Section>
  );
}

export function ConcurrencySection({ errors }: { errors: FieldErrors }) {
  const draft = useActiveDraft();
  const patch = useLabStore((s) => s.patchFunction);
  const reserved = draft.reservedConcurrency;
  return (
    <Section title="Concurrency" testId="config.concurrency">
      <Checkbox
        checked={reserved !== null}
        onChange={(on) => patch({ reservedConcurrency: on ? 10 : null })}
        label="Reserve concurrency"
        hint="Guarantees and caps how many environments this function may run at once. Without it the function shares the account's unreserved pool (1,000 here, 100 of which always stay unreserved). 0 stops every invocation (throttled)."
        testId="config.reserved.on"
      />
      {reserved !== null ? (
        <NumberField
          label="Reserved concurrency"
          value={reserved}
          onChange={(n) => patch({ reservedConcurrency: n })}
          error={errors.reservedConcurrency}
          testId="config.reserved"
        />
      ) : errors.reservedConcurrency ? (
        <p className="inline-error" role="alert">
          {errors.reservedConcurrency}
        </p>
      ) : null}
      <NumberField
        label="Provisioned concurrency"
        value={draft.provisionedConcurrency}
        onChange={(provisionedConcurrency) => patch({ provisionedConcurrency })}
        hint={
          <>
            0 turns it off. Provisioned environments run Init before any request arrives, so requests skip the
            cold start. Lambda allows it only on a published version or an alias: Deploy publishes a version,
            points the alias <code>{LIVE_ALIAS}</code> at it and provisions the alias, and Test then invokes{' '}
            <code>{LIVE_ALIAS}</code>. Billed while enabled, even when idle (price approximate <Modeled />
            ).
          </>
        }
        error={errors.provisionedConcurrency}
        testId="config.provisioned"
      />
    </Section>
  );
}
