/** What every trigger needs: the function it targets, the permission statement of push sources. */
import type { TriggerSpec } from '../../store/workspaceDoc';
import { triggerField } from './deployFields';
import type { DeployState, TriggerInfo } from './deployState';
import { type Tx, undoCall } from './deployTx';

export interface TriggerTarget {
  readonly functionName: string;
  readonly functionArn: string;
  readonly state: DeployState;
}

/** Push sources whose resources the lab cannot delete again: added last, after everything that may fail. */
export const LATE_KINDS: ReadonlySet<TriggerSpec['kind']> = new Set(['sns', 'eventbridge', 'apigateway']);

export const statementIdOf = (triggerId: string) => `lambda-${triggerId}`;

/** AddPermission as the console adds it for a push source (principal, source ARN, account). */
export function addPermission(
  tx: Tx,
  target: TriggerTarget,
  triggerId: string,
  principal: string,
  sourceArn: string,
): string {
  const sid = statementIdOf(triggerId);
  tx.call(
    triggerField(triggerId),
    'lambda',
    'AddPermission',
    {
      FunctionName: target.functionName,
      StatementId: sid,
      Action: 'lambda:InvokeFunction',
      Principal: principal,
      SourceArn: sourceArn,
      SourceAccount: tx.lab.services.hub.accountId,
    },
    () =>
      undoCall(tx.lab, 'lambda', 'RemovePermission', { FunctionName: target.functionName, StatementId: sid }),
  );
  return sid;
}

export const info = (t: TriggerSpec, fields: Partial<TriggerInfo> & { sourceArn: string }): TriggerInfo => ({
  triggerId: t.id,
  kind: t.kind,
  statementId: null,
  esmUuid: null,
  invokeUrl: null,
  created: [],
  notes: [],
  ...fields,
});
