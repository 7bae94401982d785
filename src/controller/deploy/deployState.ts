/**
 * What Deploy put into one lab world, so the next Deploy can tell what changed: the triggers it created
 * (with the handles needed to remove them), the layer versions it published, the async configuration it
 * set and the APIs it created. Lives beside the world (a reload builds a new world and redeploys).
 */

import type { LabWorld } from '../../host/labWorld';
import type { TriggerKind } from '../../store/workspaceDoc';

/** One deployed trigger as the Configuration panel shows it. */
export interface TriggerInfo {
  readonly triggerId: string;
  readonly kind: TriggerKind;
  /** The queue, stream, bucket, topic, rule or API method the trigger listens to. */
  readonly sourceArn: string;
  /** The function policy statement that lets a push source invoke the function (null for polling). */
  readonly statementId: string | null;
  /** The event source mapping of a polling source (null for push). */
  readonly esmUuid: string | null;
  readonly invokeUrl: string | null;
  /** Resources Deploy created for this trigger, as the console's "create new" would. */
  readonly created: readonly string[];
  readonly notes: readonly string[];
}

export interface DeployedTrigger {
  /** The spec as deployed (JSON): a different spec means remove and add again. */
  readonly spec: string;
  readonly info: TriggerInfo;
  /** Kind-specific handles for removal (a subscription ARN, whether the rule was ours). */
  readonly handles: Readonly<Record<string, string>>;
}

export interface DeployState {
  /** function name -> trigger id -> deployed trigger */
  readonly triggers: Map<string, Map<string, DeployedTrigger>>;
  /** layer name -> the files (JSON) and ARN of the version Deploy published last */
  readonly layers: Map<string, { readonly filesJson: string; readonly arn: string }>;
  /** function name -> the async invocation configuration (JSON) Deploy set last */
  readonly invokeConfigs: Map<string, string>;
  /** REST API name -> id, for APIs Deploy created (the lab's API Gateway has no list operation) */
  readonly apis: Map<string, string>;
}

const states = new WeakMap<object, DeployState>();

export function deployStateOf(lab: LabWorld): DeployState {
  let state = states.get(lab.services);
  if (!state) {
    state = { triggers: new Map(), layers: new Map(), invokeConfigs: new Map(), apis: new Map() };
    states.set(lab.services, state);
  }
  return state;
}

export function triggersOf(state: DeployState, functionName: string): Map<string, DeployedTrigger> {
  let map = state.triggers.get(functionName);
  if (!map) {
    map = new Map();
    state.triggers.set(functionName, map);
  }
  return map;
}

/** A stable JSON of a record (sorted keys), to compare file trees and specs. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
