/**
 * One demo action against a built world. The content's own actions go through the checkers'
 * `runActions`; the instructor's live moves (deploy, burst, backlog, batch size, policy, provisioned
 * concurrency) are world commands and console calls, as a person at the AWS console would make them.
 */

import { runActions } from '../../host/scenario/actions';
import { queueArn, queueUrl } from '../../host/scenario/awsNames';
import type { BuiltWorld } from '../../host/scenario/buildWorld';
import type { Action } from '../../host/scenario/world';
import { type DemoContent, demoDirFiles } from '../../instructor/demoFiles';
import type { DemoAction } from '../../instructor/demoSchema';

/** A built world whose traffic qualifiers change as the demo turns on provisioned concurrency. */
export interface DemoWorld extends BuiltWorld {
  readonly qualifiers: Map<string, string>;
}

/** Provisioned environments initialise in the background; give them this long (virtual) to be ready. */
const PC_READY_LIMIT_MS = 120_000;
const PC_POLL_MS = 250;

/** Runs the action; returns the responses worth showing (sync invoke payloads and HTTP answers). */
export async function runDemoAction(
  w: DemoWorld,
  action: DemoAction,
  demo: DemoContent,
  files: ReadonlyMap<string, string>,
): Promise<string[]> {
  const { runner } = w;
  const readFile = (path: string) => files.get(path);
  const fail = (what: string, message: string): never => {
    throw new Error(`${demo.script.id}: ${what}: ${message}`);
  };
  switch (action.do) {
    case 'deploy': {
      const code = demoDirFiles(files, demo, action.dir);
      const r = await runner.command((world) => world.updateFunctionCode(action.function, { files: code }));
      if (!r.ok) fail(`deploy ${action.function}`, r.error.message);
      return [];
    }
    case 'burst': {
      const invoke: Action = {
        do: 'invoke',
        function: action.function,
        event: action.event ?? { json: {} },
        times: action.count,
        everyMs: 0,
      };
      await runActions(w, [invoke], demo.baseDir, readFile);
      return [];
    }
    case 'sqsBacklog': {
      for (let n = 1; n <= action.count; n++)
        w.consoleCall('sqs', 'SendMessage', {
          QueueUrl: queueUrl(action.queue),
          MessageBody: JSON.stringify({ order: n }),
        });
      // No time passes: the backlog waits in the queue until the next step lets the pollers work.
      return [];
    }
    case 'setBatchSize': {
      // UpdateEventSourceMapping, as the console's trigger editor does: later batches use the new size.
      const source = queueArn(action.queue);
      const listed = w.consoleCall('lambda', 'ListEventSourceMappings', { FunctionName: action.function });
      const mappings = Array.isArray(listed.EventSourceMappings) ? listed.EventSourceMappings : [];
      const old = mappings.find(
        (m) => typeof m === 'object' && m !== null && !Array.isArray(m) && m.EventSourceArn === source,
      );
      if (!old || typeof old !== 'object' || Array.isArray(old) || typeof old.UUID !== 'string')
        return fail('setBatchSize', `no mapping from ${action.queue} to ${action.function}`);
      await runner.runUntilIdle();
      w.consoleCall('lambda', 'UpdateEventSourceMapping', {
        UUID: old.UUID,
        BatchSize: action.batchSize,
        ...(action.batchWindowS !== undefined ? { MaximumBatchingWindowInSeconds: action.batchWindowS } : {}),
      });
      await runner.advanceBy(0);
      return [];
    }
    case 'putPolicy':
      w.consoleCall('iam', 'PutRolePolicy', {
        RoleName: action.role,
        PolicyName: `${action.role}-demo-fix`,
        PolicyDocument: JSON.stringify(action.policy),
      });
      return [];
    case 'setProvisionedConcurrency':
      await provision(w, action.function, action.count, fail);
      return [];
    default: {
      const log = await runActions(w, [action], demo.baseDir, readFile);
      const out: string[] = [];
      if (log.invokes.length <= 2)
        for (const o of log.invokes) if (o.response) out.push(o.response.payloadJson);
      for (const h of log.http) out.push(h ? `${h.statusCode} ${h.body}` : 'no answer');
      return out;
    }
  }
}

async function provision(
  w: DemoWorld,
  name: string,
  count: number,
  fail: (what: string, message: string) => never,
): Promise<void> {
  const { runner } = w;
  const published = await runner.command((world) => world.publishVersion(name));
  if (!published.ok) return fail(`publish ${name}`, published.error.message);
  const version = published.value.version;
  const alias = await runner.command((world) =>
    w.qualifiers.has(name)
      ? world.updateAlias(name, 'live', version)
      : world.createAlias(name, 'live', version),
  );
  if (!alias.ok) return fail(`alias of ${name}`, alias.error.message);
  const pc = await runner.command((world) => world.putProvisionedConcurrencyConfig(name, 'live', count));
  if (!pc.ok) return fail(`provisioned concurrency of ${name}`, pc.error.message);
  w.qualifiers.set(name, 'live');
  for (let waited = 0; waited < PC_READY_LIMIT_MS; waited += PC_POLL_MS) {
    if (runner.world.getProvisionedConcurrencyConfig(name, 'live')?.status === 'READY') return;
    await runner.advanceBy(PC_POLL_MS);
  }
  fail(`provisioned concurrency of ${name}`, `not READY after ${PC_READY_LIMIT_MS / 1000} s`);
}
