/**
 * The Configuration tab, as the Lambda console's: sections on the side, one shown at a time, each field
 * checked as it is typed with the simulator's own rules. Edits go to the draft (saved in this browser) and
 * reach the world on Deploy or Test, all or nothing; a refused deploy opens the section of the field it
 * names and shows the reason there.
 */
import { type ReactNode, useEffect, useState } from 'react';
import type { FieldErrors } from '../../controller/deploy/deployFields';
import { useLabStore } from '../../store/labStore';
import { AliasSection } from './AliasSection';
import { ConcurrencySection, DestinationsSection } from './AsyncSections';
import { EnvSection } from './EnvSection';
import { GeneralSection } from './GeneralSection';
import { LayersSection } from './LayersSection';
import { PermissionsSection } from './PermissionsSection';
import { TriggersSection } from './TriggersSection';
import { useActiveName, useFieldErrors, useWorldView, type WorldView } from './useConfig';
import { VpcSection } from './VpcSection';
import './config.css';

export type SectionKey =
  | 'general'
  | 'env'
  | 'triggers'
  | 'permissions'
  | 'destinations'
  | 'concurrency'
  | 'layers'
  | 'vpc'
  | 'aliases';

const SECTIONS: readonly { key: SectionKey; label: string; owns: (field: string) => boolean }[] = [
  {
    key: 'general',
    label: 'General configuration',
    owns: (f) =>
      [
        'runtime',
        'handler',
        'memorySize',
        'timeout',
        'ephemeralStorage',
        'architecture',
        'code',
        'functionName',
        'configuration',
        'deploy',
      ].includes(f),
  },
  { key: 'env', label: 'Environment variables', owns: (f) => f === 'env' || f.startsWith('env:') },
  { key: 'triggers', label: 'Triggers', owns: (f) => f.startsWith('trigger:') },
  { key: 'permissions', label: 'Permissions', owns: (f) => f === 'role' || f.startsWith('role.') },
  { key: 'destinations', label: 'Destinations', owns: (f) => f.startsWith('destinations') },
  {
    key: 'concurrency',
    label: 'Concurrency',
    owns: (f) => f === 'reservedConcurrency' || f === 'provisionedConcurrency',
  },
  { key: 'layers', label: 'Layers', owns: (f) => f === 'layers' },
  { key: 'vpc', label: 'VPC', owns: (f) => f === 'vpc' },
  { key: 'aliases', label: 'Aliases and versions', owns: () => false },
];

const sectionOf = (field: string): SectionKey => SECTIONS.find((s) => s.owns(field))?.key ?? 'general';

function render(key: SectionKey, errors: FieldErrors, world: WorldView): ReactNode {
  switch (key) {
    case 'general':
      return <GeneralSection errors={errors} />;
    case 'env':
      return <EnvSection errors={errors} />;
    case 'triggers':
      return <TriggersSection errors={errors} world={world} />;
    case 'permissions':
      return <PermissionsSection errors={errors} world={world} />;
    case 'destinations':
      return <DestinationsSection errors={errors} />;
    case 'concurrency':
      return <ConcurrencySection errors={errors} />;
    case 'layers':
      return <LayersSection errors={errors} world={world} />;
    case 'vpc':
      return <VpcSection errors={errors} />;
    case 'aliases':
      return <AliasSection deployed={world.deployed} />;
    default: {
      const never: never = key;
      return never;
    }
  }
}

type Status = { kind: 'ok' | 'error'; text: string; changes?: readonly string[] } | null;

function DeployBar() {
  const name = useActiveName();
  const ready = useLabStore((s) => s.python.state === 'ready');
  const running = useLabStore((s) => s.running);
  const deployError = useLabStore((s) => s.deployError);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const deploy = async () => {
    setBusy(true);
    try {
      const { deployActive, describeDeploy } = await import('../../controller/deploy/deployActive');
      // deployActive records a refusal in the store (shown by its field); a success clears it.
      const outcome = await deployActive();
      if (outcome.kind === 'refused') setStatus(null);
      else if (outcome.kind === 'deployed')
        setStatus({ kind: 'ok', text: `Deployed ${outcome.functionName}.`, changes: outcome.changes });
      else setStatus({ kind: outcome.kind === 'blocked' ? 'error' : 'ok', text: describeDeploy(outcome) });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const refused = deployError?.functionName === name ? deployError : null;
  return (
    <div className="cfg-deploy">
      <button
        type="button"
        className="primary"
        onClick={() => void deploy()}
        disabled={!ready || running || busy}
        data-testid="config.deploy"
      >
        Deploy
      </button>
      <span className="hint">
        {ready
          ? 'Changes are saved in this browser; Deploy or Test applies them to your world.'
          : 'Deploy is ready once Python is.'}
      </span>
      {refused ? (
        <p className="inline-error cfg-wide" role="alert" data-testid="config.deploy-error">
          Deploy refused, nothing was changed: {refused.message}
        </p>
      ) : status ? (
        <div
          className={`cfg-wide ${status.kind === 'ok' ? 'ok' : 'inline-error'}`}
          role="status"
          data-testid="config.deploy-status"
        >
          {status.text}{' '}
          {status.changes ? (
            <details className="cfg-changes">
              <summary>What changed ({status.changes.length})</summary>
              <ul>
                {status.changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function ConfigPanel() {
  const name = useActiveName();
  const errors = useFieldErrors();
  const world = useWorldView();
  const deployError = useLabStore((s) => s.deployError);
  const [section, setSection] = useState<SectionKey>('general');
  useEffect(() => {
    if (deployError) setSection(sectionOf(deployError.field));
  }, [deployError]);
  const counts = new Map<SectionKey, number>();
  for (const field of Object.keys(errors))
    counts.set(sectionOf(field), (counts.get(sectionOf(field)) ?? 0) + 1);
  return (
    <div className="cfg-panel" data-testid="config">
      <div className="cfg-header">
        <h2>
          Configuration <span className="muted">{name}</span>
        </h2>
        <DeployBar />
      </div>
      <div className="cfg-body">
        <nav aria-label="Configuration sections" className="cfg-nav">
          <ul>
            {SECTIONS.map((s) => {
              const n = counts.get(s.key) ?? 0;
              return (
                <li key={s.key}>
                  <button
                    type="button"
                    aria-current={section === s.key ? 'true' : undefined}
                    className={section === s.key ? 'cfg-nav-item active' : 'cfg-nav-item'}
                    onClick={() => setSection(s.key)}
                    data-testid={`config.nav.${s.key}`}
                  >
                    {s.label}
                    {n > 0 ? (
                      <>
                        <span className="cfg-badge" aria-hidden="true">
                          {n}
                        </span>
                        <span className="visually-hidden">
                          , {n} problem{n === 1 ? '' : 's'}
                        </span>
                      </>
                    ) : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="cfg-content">{render(section, errors, world)}</div>
      </div>
    </div>
  );
}
