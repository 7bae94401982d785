/**
 * Aliases, as the console's alias editor: publish the deployed code as a version, point an alias at it,
 * and shift a share of its traffic to another version (a weighted alias: a canary). Unlike the other
 * sections this acts on the world at once, as the console does, not on the draft.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AliasEditorState } from '../../controller/console/aliasEditor';
import { useLabStore } from '../../store/labStore';
import { Section } from './fields';
import { useActiveName } from './useConfig';

type Status = { readonly ok: boolean; readonly text: string } | null;

const loadModules = () =>
  Promise.all([import('../../controller/console/aliasEditor'), import('../../controller/lab/labController')]);

export function AliasSection({ deployed }: { deployed: boolean }) {
  const name = useActiveName();
  const ready = useLabStore((s) => s.python.state === 'ready');
  const traceVersion = useLabStore((s) => s.traceVersion);
  const worldChanged = useLabStore((s) => s.worldChanged);
  const [alias, setAlias] = useState('prod');
  const [state, setState] = useState<AliasEditorState>({ versions: [], alias: null });
  const [primary, setPrimary] = useState('');
  const [extra, setExtra] = useState('');
  const [percent, setPercent] = useState('10');
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  // The form follows the alias only when the alias itself changed, so a half-made edit survives re-reads.
  const seen = useRef('');

  const reload = useCallback(async () => {
    const [editor, controller] = await loadModules();
    const live = controller.ensureLab();
    if (!live) return;
    const next = editor.aliasEditorState(live.lab, name, alias);
    setState(next);
    const signature = JSON.stringify(next.alias);
    if (signature === seen.current && next.alias) return;
    seen.current = signature;
    setPrimary((p) => next.alias?.primary ?? (next.versions.includes(p) ? p : (next.versions.at(-1) ?? '')));
    if (next.alias) {
      setExtra(next.alias.extra ?? '');
      if (next.alias.extra) setPercent(String(next.alias.extraPercent));
    }
  }, [name, alias]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: traceVersion is the signal to re-read the world
  useEffect(() => {
    if (ready && deployed) void reload();
  }, [ready, deployed, reload, traceVersion]);

  const act = async (run: (m: Awaited<ReturnType<typeof loadModules>>) => Promise<Status> | Status) => {
    setBusy(true);
    try {
      setStatus(await run(await loadModules()));
      worldChanged();
      await reload();
    } catch (error) {
      setStatus({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const withLab = <T,>(
    m: Awaited<ReturnType<typeof loadModules>>,
    use: (live: NonNullable<ReturnType<(typeof m)[1]['ensureLab']>>) => T,
  ) => {
    const live = m[1].ensureLab();
    if (!live) throw new Error('The lab is still starting.');
    return use(live);
  };

  if (!deployed)
    return (
      <Section title="Aliases and versions" testId="config.aliases">
        <p className="muted">Deploy the function first: versions are published from what is deployed.</p>
      </Section>
    );
  const current = state.alias;
  return (
    <Section title="Aliases and versions" testId="config.aliases">
      <p className="hint">
        Versions are frozen copies of the deployed code and configuration. An alias points at one, or splits
        requests between two: the second version gets its weight's share (a canary). Changes apply at once.
      </p>
      <div className="cfg-actions">
        <button
          type="button"
          disabled={!ready || busy}
          onClick={() =>
            void act((m) => withLab(m, (live) => m[0].publishVersion(live.lab, live.runner, name)))
          }
          data-testid="config.aliases.publish"
        >
          Publish new version
        </button>
        <span className="muted" data-testid="config.aliases.versions">
          {state.versions.length === 0
            ? 'No published versions yet.'
            : `Versions: ${state.versions.join(', ')}`}
        </span>
      </div>
      <div className="cfg-grid">
        <label className="cfg-field">
          Alias name
          <input value={alias} onChange={(e) => setAlias(e.target.value)} data-testid="config.aliases.name" />
        </label>
        <label className="cfg-field">
          Version
          <select
            value={primary}
            onChange={(e) => setPrimary(e.target.value)}
            data-testid="config.aliases.primary"
          >
            {state.versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label className="cfg-field">
          Additional version (weighted)
          <select value={extra} onChange={(e) => setExtra(e.target.value)} data-testid="config.aliases.extra">
            <option value="">none</option>
            {state.versions
              .filter((v) => v !== primary)
              .map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
          </select>
        </label>
        <label className="cfg-field">
          Weight of the additional version (%)
          <input
            type="number"
            min={0}
            max={100}
            value={percent}
            disabled={extra === ''}
            onChange={(e) => setPercent(e.target.value)}
            data-testid="config.aliases.weight"
          />
        </label>
      </div>
      <div className="cfg-actions">
        <button
          type="button"
          className="primary"
          disabled={!ready || busy || primary === ''}
          onClick={() =>
            void act((m) =>
              withLab(m, (live) =>
                m[0].saveAlias(live.lab, name, alias, primary, extra || null, Number(percent)),
              ),
            )
          }
          data-testid="config.aliases.save"
        >
          {current ? 'Save alias' : 'Create alias'}
        </button>
        <button
          type="button"
          disabled={!ready || busy || !current}
          onClick={() =>
            void act(async (m) => {
              const sent = await withLab(m, (live) => m[0].sendThroughAlias(live.runner, name, alias, 20));
              const split = Object.entries(sent.byVersion)
                .map(([v, n]) => `version ${v}: ${n}`)
                .join(', ');
              const answers = `${sent.distinctAnswers} different answer${sent.distinctAnswers === 1 ? '' : 's'}`;
              return {
                ok: true,
                text: `20 requests through ${alias}: ${split} (ExecutedVersion; see Metrics and the START lines); ${answers}.`,
              };
            })
          }
          data-testid="config.aliases.send"
        >
          Send 20 requests through the alias
        </button>
      </div>
      {current ? (
        <p data-testid="config.aliases.current">
          {alias} → version {current.primary}
          {current.extra
            ? ` (${100 - current.extraPercent}%), version ${current.extra} (${current.extraPercent}%)`
            : ''}
        </p>
      ) : null}
      {status ? (
        <p
          className={status.ok ? 'ok' : 'inline-error'}
          role={status.ok ? 'status' : 'alert'}
          data-testid="config.aliases.status"
        >
          {status.text}
        </p>
      ) : null}
    </Section>
  );
}
