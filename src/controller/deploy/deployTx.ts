/**
 * A deploy as one transaction over the world: every applied step registers how to undo itself, and a
 * refused step undoes what came before, in reverse, so the learner's world is never left half-deployed.
 * Steps name the draft field they came from, so a refusal is shown where the learner typed the value.
 */

import type { LabWorld } from '../../host/labWorld';
import type { Effect, Result, World } from '../../sim';
import type { JsonObject } from '../../sim/services/json';

/** A step the world refused, and the draft field it belongs to (see deployFields.ts). */
export class StepRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Tx {
  readonly world: World;
  readonly lab: LabWorld;
  /** Runs a world command; a refusal aborts the deploy. `undo` runs if a later step is refused. */
  command<T>(field: string, run: (w: World) => Result<T>, undo?: (w: World, value: T) => Result<unknown>): T;
  /** Makes a console call (no execution role applies); an error aborts the deploy. */
  call(
    field: string,
    service: string,
    operation: string,
    params: JsonObject,
    undo?: (result: JsonObject) => void,
  ): JsonObject;
  /** A console call whose error is an answer, not a failure (does this bucket exist?). */
  peek(service: string, operation: string, params: JsonObject): JsonObject | null;
  onUndo(undo: () => void): void;
  /** What changed: the part (for callers that count) and a sentence for the learner. */
  note(step: DeployStep, change: string): void;
}

/** The parts of a function a deploy may change. */
export type DeployStep =
  | 'created'
  | 'code'
  | 'configuration'
  | 'role'
  | 'layers'
  | 'concurrency'
  | 'triggers'
  | 'destinations';

export type TxOutcome =
  | {
      readonly ok: true;
      /** Each part that changed, once, in order; empty when the world already matched the draft. */
      readonly steps: readonly DeployStep[];
      readonly changes: readonly string[];
      readonly effects: readonly Effect[];
    }
  | {
      readonly ok: false;
      readonly field: string;
      readonly message: string;
      readonly effects: readonly Effect[];
    };

export function runTx(world: World, lab: LabWorld, body: (tx: Tx) => void): TxOutcome {
  const effects: Effect[] = [];
  const undos: (() => void)[] = [];
  const changes: string[] = [];
  const steps: DeployStep[] = [];
  const keep = <T>(r: Result<T>): Result<T> => {
    if (r.ok) effects.push(...r.effects);
    return r;
  };
  const consoleAnswer = (service: string, operation: string, params: JsonObject) =>
    lab.consoleCall(service, operation, params);
  const tx: Tx = {
    world,
    lab,
    command(field, run, undo) {
      const r = keep(run(world));
      if (!r.ok) throw new StepRefused(field, `${r.error.name}: ${r.error.message}`);
      if (undo)
        undos.push(() => {
          const back = keep(undo(world, r.value));
          if (!back.ok) throw new Error(`${back.error.name}: ${back.error.message}`);
        });
      return r.value;
    },
    call(field, service, operation, params, undo) {
      const r = consoleAnswer(service, operation, params);
      if (r.kind === 'error') throw new StepRefused(field, `${r.error.code}: ${r.error.message}`);
      if (r.kind !== 'result') throw new StepRefused(field, `${operation} did not answer at once.`);
      if (undo) undos.push(() => undo(r.result));
      return r.result;
    },
    peek(service, operation, params) {
      const r = consoleAnswer(service, operation, params);
      return r.kind === 'result' ? r.result : null;
    },
    onUndo: (undo) => void undos.push(undo),
    note: (step, change) => {
      if (!steps.includes(step)) steps.push(step);
      changes.push(change);
    },
  };
  try {
    body(tx);
    return { ok: true, steps, changes, effects };
  } catch (error) {
    const unrolled = rollBack(undos);
    const refused =
      error instanceof StepRefused
        ? error
        : new StepRefused('deploy', error instanceof Error ? error.message : String(error));
    const message =
      unrolled.length === 0
        ? refused.message
        : `${refused.message} (and ${unrolled.length} earlier step(s) could not be undone: ${unrolled.join('; ')})`;
    return { ok: false, field: refused.field, message, effects };
  }
}

/** A console call made while undoing: an error is thrown so the rollback reports it. */
export function undoCall(lab: LabWorld, service: string, operation: string, params: JsonObject): void {
  const r = lab.consoleCall(service, operation, params);
  if (r.kind === 'error') throw new Error(`${operation}: ${r.error.code}: ${r.error.message}`);
}

/** Undoes in reverse order; returns what could not be undone (reported, never hidden). */
function rollBack(undos: readonly (() => void)[]): string[] {
  const failed: string[] = [];
  for (const undo of [...undos].reverse()) {
    try {
      undo();
    } catch (error) {
      failed.push(error instanceof Error ? error.message : String(error));
    }
  }
  return failed;
}
