/**
 * What the Configuration panel reads: the active draft, its errors as the learner types (the simulator's
 * rules, loaded with the controller chunk and run a moment after the last keystroke), the last refused
 * deploy, and what the learner's world holds for the deployed triggers.
 */
import { useEffect, useState } from 'react';
import type { TriggerView } from '../../controller/deploy/deploy';
import type { FieldErrors } from '../../controller/deploy/deployFields';
import { useLabStore } from '../../store/labStore';
import type { FunctionDraft } from '../../store/workspaceDoc';
import { selectActiveFunction } from '../../store/workspaceSlice';

export const useActiveDraft = (): FunctionDraft => useLabStore(selectActiveFunction);
export const useActiveName = (): string => useLabStore((s) => s.workspace.activeFunction);

type DeployModule = typeof import('../../controller/deploy/deploy');
let deployModule: Promise<DeployModule> | null = null;
const loadDeploy = (): Promise<DeployModule> => {
  deployModule ??= import('../../controller/deploy/deploy');
  return deployModule;
};

/** The draft's field errors, recomputed 150 ms after the last change (a rehearsal deploy is not free). */
export function useFieldErrors(): FieldErrors {
  const workspace = useLabStore((s) => s.workspace);
  const deployError = useLabStore((s) => s.deployError);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void loadDeploy().then((m) => {
        if (!cancelled) setErrors(m.checkDraft(workspace.activeFunction, workspace));
      });
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [workspace]);
  if (!deployError || deployError.functionName !== workspace.activeFunction || errors[deployError.field])
    return errors;
  return { ...errors, [deployError.field]: `The last deploy was refused: ${deployError.message}` };
}

export interface WorldView {
  readonly triggers: readonly TriggerView[];
  /** Trigger ids whose deployed settings match the draft's. */
  readonly current: ReadonlySet<string>;
  /** Every statement in the function's resource-based policy (triggers' and any the world had). */
  readonly statements: readonly Record<string, unknown>[];
  /** Layer version ARNs the deployed function runs with, in order. */
  readonly layerArns: readonly string[];
  readonly deployed: boolean;
}

const EMPTY: WorldView = { triggers: [], current: new Set(), statements: [], layerArns: [], deployed: false };

/** The learner's world for the active function, re-read whenever the world changes. */
export function useWorldView(): WorldView {
  const name = useActiveName();
  const drafts = useActiveDraft().triggers;
  const version = useLabStore((s) => s.traceVersion);
  const ready = useLabStore((s) => s.python.state === 'ready');
  const [view, setView] = useState<WorldView>(EMPTY);
  // biome-ignore lint/correctness/useExhaustiveDependencies: traceVersion is the signal to re-read the world
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    void Promise.all([loadDeploy(), import('../../controller/lab/labController')]).then(([d, c]) => {
      const live = c.ensureLab();
      if (cancelled || !live) return;
      const fn = live.lab.world.getFunction(name);
      const triggers = d.deployedTriggers(live.lab, name);
      const current = new Set(
        triggers
          .filter((t) => {
            const draft = drafts.find((x) => x.id === t.info.triggerId);
            return draft !== undefined && d.specJson(draft) === t.spec;
          })
          .map((t) => t.info.triggerId),
      );
      setView({
        triggers,
        current,
        statements: d.policyStatements(live.lab, name),
        layerArns: fn.ok ? fn.value.layers.map((l) => l.layerVersionArn) : [],
        deployed: fn.ok,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [name, version, ready, drafts]);
  return ready ? view : EMPTY;
}
