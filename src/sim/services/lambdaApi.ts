/** Lambda's own API as a handler sees it: Invoke (sync, async, dry run), permissions and event source mappings. */
import { type EsmManager, stateOf } from './esm';
import type { Hub, SyncOutcome } from './hub';
import { statementJson } from './iam';
import { blob, type JsonObject, optBlob, optStr, str, utf8Decode, utf8Encode } from './json';
import { type AwsError, invocationTypeError, payloadError } from './kernel';
import { chainedInvoke, responseJson } from './lambdaChain';
import { configJson, versionOperations } from './lambdaVersions';
import type { Operation, ServiceModule } from './operation';
import { functionNameOf } from './s3';
import { type ServiceError, serviceError } from './serviceError';

export function fromKernelError(e: AwsError): ServiceError {
  return serviceError(e.name, e.message, e.httpStatus);
}

export function lambdaModule(
  hub: Hub,
  esm: EsmManager,
  extra: Readonly<Record<string, Operation>> = {},
): ServiceModule {
  const fnArn = (p: JsonObject): string => {
    const name = str(p, 'FunctionName');
    return name.startsWith('arn:') ? name : `arn:aws:lambda:${hub.region}:${hub.accountId}:function:${name}`;
  };
  const resolve = (p: JsonObject): { name: string; qualifier: string | undefined } => {
    const raw = str(p, 'FunctionName');
    const name = functionNameOf(raw);
    const arnQualifier = /:function:[^:]+:([^:]+)$/.exec(raw)?.[1];
    const qualifier = optStr(p, 'Qualifier') ?? arnQualifier;
    const r = hub.world.getFunction(name, qualifier);
    if (!r.ok) throw fromKernelError(r.error);
    return { name, qualifier };
  };
  const esmArn = (): string => `arn:aws:lambda:${hub.region}:${hub.accountId}:event-source-mapping:*`;

  const invoke: Operation = {
    action: 'lambda:InvokeFunction',
    resource: fnArn,
    run: (p, c) => {
      const { name, qualifier } = resolve(p);
      const type = optStr(p, 'InvocationType') ?? 'RequestResponse';
      const payload = utf8Decode(optBlob(p, 'Payload') ?? utf8Encode('{}'));
      const badPayload = payloadError(type, payload);
      if (badPayload) throw fromKernelError(badPayload);
      if (type === 'DryRun') return { StatusCode: 204, Payload: blob('') };
      if (type === 'Event') {
        // The event is queued at the caller's virtual time, not the world's (which waits for the caller).
        hub.ctx.schedule(c.nowMs, 'lambda.invoke.event', () =>
          hub.invokeAsync(name, payload, c.depth + 1, 'lambda', qualifier),
        );
        return { StatusCode: 202, Payload: blob('') };
      }
      const badType = invocationTypeError(type);
      if (badType) throw fromKernelError(badType);
      const chained = chainedInvoke(hub, { name, qualifier, payload }, c, fromKernelError);
      if (chained) return chained;
      let outcome: SyncOutcome | null = null;
      hub.invokeSync({ functionName: name, qualifier, payloadJson: payload }, c.depth + 1, (o) => {
        outcome = o;
      });
      // A refusal (throttle, not found) is known at once: answer it without a pending round trip.
      const first = outcome as SyncOutcome | null;
      if (first !== null) return responseJson(first, fromKernelError);
      return {
        pending: true,
        poll: () => {
          const o = outcome as SyncOutcome | null;
          return o === null ? null : responseJson(o, fromKernelError);
        },
      };
    },
  };

  const operations: Record<string, Operation> = {
    Invoke: invoke,
    ...versionOperations(hub, fnArn, fromKernelError),
    ...extra,
    AddPermission: {
      action: 'lambda:AddPermission',
      resource: fnArn,
      run: (p) => {
        const { name } = resolve(p);
        const s = hub.iam.addPermission(
          name,
          `arn:aws:lambda:${hub.region}:${hub.accountId}:function:${name}`,
          {
            sid: str(p, 'StatementId'),
            action: str(p, 'Action'),
            principal: str(p, 'Principal'),
            sourceArn: optStr(p, 'SourceArn') ?? null,
            sourceAccount: optStr(p, 'SourceAccount') ?? null,
          },
        );
        hub.emit('lambda.permission.added', {
          functionName: name,
          sid: s.sid,
          principal: s.principal,
          sourceArn: s.sourceArn,
        });
        return { Statement: JSON.stringify(statementJson(s)) };
      },
    },
    RemovePermission: {
      action: 'lambda:RemovePermission',
      resource: fnArn,
      run: (p) => {
        hub.iam.removePermission(resolve(p).name, str(p, 'StatementId'));
        return {};
      },
    },
    GetPolicy: {
      action: 'lambda:GetPolicy',
      resource: fnArn,
      run: (p) => {
        const { name } = resolve(p);
        const list = hub.iam.functionPolicy(name);
        if (list.length === 0)
          throw serviceError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
        return {
          Policy: JSON.stringify({
            Version: '2012-10-17',
            Id: 'default',
            Statement: list.map(statementJson),
          }),
          RevisionId: hub.ctx.rng.uuid(),
        };
      },
    },
    GetFunctionConfiguration: {
      action: 'lambda:GetFunctionConfiguration',
      resource: fnArn,
      run: (p) => {
        const r = hub.world.getFunction(resolve(p).name, optStr(p, 'Qualifier'));
        if (!r.ok) throw fromKernelError(r.error);
        const f = r.value;
        return { ...configJson(hub, f), Environment: { Variables: { ...f.environment } } };
      },
    },
    CreateEventSourceMapping: {
      action: 'lambda:CreateEventSourceMapping',
      resource: esmArn,
      run: (p, c) => esm.create(p, c.nowMs),
    },
    GetEventSourceMapping: {
      action: 'lambda:GetEventSourceMapping',
      resource: esmArn,
      run: (p) => {
        const rec = esm.get(str(p, 'UUID'));
        return { ...rec.json, State: stateOf(rec) };
      },
    },
    DeleteEventSourceMapping: {
      action: 'lambda:DeleteEventSourceMapping',
      resource: esmArn,
      run: (p) => esm.remove(str(p, 'UUID')),
    },
    ListEventSourceMappings: {
      action: 'lambda:ListEventSourceMappings',
      resource: esmArn,
      run: (p) => ({
        EventSourceMappings: esm
          .list(optStr(p, 'FunctionName'), optStr(p, 'EventSourceArn'))
          .map((m) => ({ ...m.json, State: stateOf(m) })),
      }),
    },
    UpdateEventSourceMapping: {
      action: 'lambda:UpdateEventSourceMapping',
      resource: esmArn,
      run: (p, c) => esm.update(p, c.nowMs),
    },
  };
  return {
    name: 'lambda',
    denied: { code: 'AccessDeniedException', httpStatus: 403, quoteResource: false },
    operations,
  };
}
