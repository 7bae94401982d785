/**
 * Permissions: the execution role (what the function's own AWS calls may do: managed policies plus one
 * inline policy, checked as typed by the simulator's IAM parser) and the resource-based policy (who may
 * invoke the function), as the console's Permissions pane shows both.
 */
import { useId, useState } from 'react';
import {
  type FieldErrors,
  MANAGED_POLICY_NAMES,
  managedPolicyArn,
} from '../../controller/deploy/deployFields';
import { MANAGED_POLICIES } from '../../sim/services/managedPolicies';
import { roleNameOf } from '../../store/draftSchema';
import { useLabStore } from '../../store/labStore';
import { Checkbox, Section } from './fields';
import { POLICY_TEMPLATES, withTemplate } from './policyTemplates';
import { useActiveDraft, useActiveName, type WorldView } from './useConfig';

/** What a managed policy allows, from the lab's copy of it. */
function allows(name: string): string {
  const arn = managedPolicyArn(name);
  const doc = arn ? MANAGED_POLICIES.get(arn) : undefined;
  const actions = doc?.statements.flatMap((s) => s.actions) ?? [];
  return actions.includes('*') ? 'every action on every resource' : actions.join(', ');
}

export function PermissionsSection({ errors, world }: { errors: FieldErrors; world: WorldView }) {
  const name = useActiveName();
  const draft = useActiveDraft();
  const patch = useLabStore((s) => s.patchFunction);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const editorId = useId();
  const role = draft.role;
  const setRole = (next: Partial<typeof role>) => patch({ role: { ...role, ...next } });
  const inlineError = errors['role.inline'];
  return (
    <Section title="Permissions" testId="config.permissions">
      <h4>Execution role</h4>
      <p className="hint">
        The function runs as <code data-testid="config.role.name">{roleNameOf(name, draft)}</code>: every
        boto3 call your code makes is allowed or denied by this role. A new function gets only basic logging
        permissions, as in the console; a call the role does not allow fails with AccessDenied.
      </p>
      <fieldset className="cfg-fieldset">
        <legend>AWS managed policies</legend>
        {MANAGED_POLICY_NAMES.map((p) => (
          <Checkbox
            key={p}
            checked={role.managedPolicies.includes(p)}
            onChange={(on) =>
              setRole({
                managedPolicies: on
                  ? [...role.managedPolicies, p]
                  : role.managedPolicies.filter((x) => x !== p),
              })
            }
            label={<code>{p}</code>}
            hint={`Allows ${allows(p)}.`}
            testId={`config.role.managed.${p}`}
          />
        ))}
      </fieldset>
      {errors['role.managed'] ? (
        <p className="inline-error" role="alert" data-testid="config.role.managed.error">
          {errors['role.managed']}
        </p>
      ) : null}
      {errors.role ? (
        <p className="inline-error" role="alert" data-testid="config.role.error">
          {errors.role}
        </p>
      ) : null}
      <div className="cfg-field">
        <label htmlFor={editorId}>Inline policy (JSON)</label>
        <textarea
          id={editorId}
          className="cfg-code"
          rows={10}
          spellCheck={false}
          value={role.inlinePolicy}
          placeholder='{"Version": "2012-10-17", "Statement": [...]}'
          aria-invalid={Boolean(inlineError)}
          aria-describedby={inlineError ? `${editorId}-error` : undefined}
          onChange={(e) => setRole({ inlinePolicy: e.target.value })}
          data-testid="config.role.inline"
        />
        {inlineError ? (
          <p
            className="inline-error cfg-error"
            role="alert"
            id={`${editorId}-error`}
            data-testid="config.role.inline.error"
          >
            {inlineError}
          </p>
        ) : null}
      </div>
      <label className="cfg-inline">
        Add a statement:{' '}
        <select
          value=""
          data-testid="config.role.template"
          onChange={(e) => {
            const template = POLICY_TEMPLATES.find((t) => t.id === e.target.value);
            if (!template) return;
            const r = withTemplate(role.inlinePolicy, template);
            setTemplateError(r.ok ? null : r.error);
            if (r.ok) setRole({ inlinePolicy: r.text });
          }}
        >
          <option value="">choose a template…</option>
          {POLICY_TEMPLATES.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label} ({t.actions.join(', ')})
            </option>
          ))}
        </select>
      </label>
      {templateError ? (
        <p className="inline-error" role="alert">
          {templateError}
        </p>
      ) : null}
      <h4>Resource-based policy</h4>
      <p className="hint">
        Who may invoke this function: the statements triggers added (as of the last deploy).
      </p>
      {world.statements.length === 0 ? (
        <p className="muted">No statements.</p>
      ) : (
        <pre data-testid="config.policy.statements">
          {JSON.stringify({ Version: '2012-10-17', Statement: world.statements }, null, 2)}
        </pre>
      )}
    </Section>
  );
}
