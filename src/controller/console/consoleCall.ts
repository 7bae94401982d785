/**
 * Console calls as the Resources view makes them: through the runner (so an upload waits for a handler
 * that is running, instead of landing in the middle of it) and answered as a result or the service's error.
 */

import type { LabRunner } from '../../host/labRunner';
import type { LabWorld } from '../../host/labWorld';
import type { JsonObject } from '../../sim/services/json';

export interface LiveWorld {
  readonly lab: LabWorld;
  readonly runner: LabRunner;
}

export type ActionResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: string; readonly code: string | null };

export const refuse = (error: string, code: string | null = null): ActionResult<never> => ({
  ok: false,
  error,
  code,
});

export const done = <T>(value: T): ActionResult<T> => ({ ok: true, value });

/** One API call from the console; a service error comes back as `Code: message`, as the console shows it. */
export async function call(
  live: LiveWorld,
  service: string,
  operation: string,
  params: JsonObject,
): Promise<ActionResult<JsonObject>> {
  const response = await live.runner.command(() => ({
    ok: true as const,
    value: live.lab.consoleCall(service, operation, params),
    effects: [],
  }));
  if (!response.ok) return refuse(`${response.error.name}: ${response.error.message}`, response.error.name);
  const r = response.value;
  if (r.kind === 'result') return done(r.result);
  if (r.kind === 'error') return refuse(`${r.error.code}: ${r.error.message}`, r.error.code);
  return refuse(`${operation} is still waiting on the world; the console does not wait for it.`);
}

/** Runs calls in order and stops at the first refusal, returning it. */
export async function callAll(
  live: LiveWorld,
  steps: readonly (readonly [string, string, JsonObject])[],
): Promise<ActionResult<JsonObject[]>> {
  const out: JsonObject[] = [];
  for (const [service, operation, params] of steps) {
    const r = await call(live, service, operation, params);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return done(out);
}

/** Lets `principal` invoke the function from `sourceArn`, unless a statement already does (as the console does). */
export async function allowInvoke(
  live: LiveWorld,
  functionName: string,
  principal: string,
  sourceArn: string,
): Promise<ActionResult<null>> {
  const { iam, hub } = live.lab.services;
  if (iam.allowsInvoke(functionName, principal, sourceArn, hub.accountId)) return done(null);
  const sid = `lab-${principal.split('.')[0]}-${live.lab.world.trace.events.length}`;
  const r = await call(live, 'lambda', 'AddPermission', {
    FunctionName: functionName,
    StatementId: sid,
    Action: 'lambda:InvokeFunction',
    Principal: principal,
    SourceArn: sourceArn,
    SourceAccount: hub.accountId,
  });
  return r.ok ? done(null) : r;
}

/** Moves virtual time event by event until `answered()` (a request's response is in) or nothing is left. */
export async function untilAnswered(live: LiveWorld, answered: () => boolean): Promise<void> {
  await live.runner.advanceBy(0);
  for (let steps = 0; !answered() && steps < 100_000; steps++) {
    const next = live.lab.world.nextEventTime();
    if (next === undefined) break;
    await live.runner.advanceTo(Math.max(next, live.lab.world.now()));
  }
}
