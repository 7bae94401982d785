/** `lambda-lab validate`: what the lab will simulate from a template, and what it leaves out. */
import type { SamApp } from '../sam/samApp';
import type { TriggerSpec } from '../store/workspaceDoc';

const trigger = (t: TriggerSpec): string => {
  switch (t.kind) {
    case 's3':
      return `S3 ${t.bucket} (${t.events.join(', ')})`;
    case 'sqs':
      return `SQS ${t.queue} (batch ${t.batchSize})`;
    case 'sns':
      return `SNS ${t.topic}`;
    case 'dynamodb':
      return `DynamoDB stream of ${t.table} (${t.startingPosition}, batch ${t.batchSize})`;
    case 'apigateway':
      return `${t.apiType} API ${t.apiName} ${t.method} ${t.path}`;
    case 'eventbridge':
      return `EventBridge rule ${t.ruleName} (${t.mode === 'schedule' ? t.schedule : 'pattern'})`;
    default: {
      const never: never = t;
      return String(never);
    }
  }
};

export function describeApp(app: SamApp, templatePath: string): string[] {
  const out = [`${templatePath} is valid for the lab (stack ${app.stackName}).`, '', 'Simulated:'];
  for (const [name, fn] of Object.entries(app.workspace.functions)) {
    const x = app.extras[name];
    out.push(
      `  function ${x?.logicalId ?? name}: ${fn.runtime}, ${fn.handler}, ${fn.memorySize} MB, ${fn.timeout} s, ${Object.keys(fn.files).length} file(s)`,
    );
    const role = fn.role.name || `${name}-role`;
    out.push(
      `    role ${role}: ${fn.role.managedPolicies.join(', ')}${fn.role.inlinePolicy ? ' + inline policy' : ''}`,
    );
    if (fn.layers.length > 0) out.push(`    layers: ${fn.layers.join(', ')}`);
    for (const t of fn.triggers) if (!(t.kind === 'apigateway')) out.push(`    event ${t.id}: ${trigger(t)}`);
    for (const m of x?.mappings ?? [])
      out.push(`    event ${m.triggerId}: event source mapping from ${String(m.params.EventSourceArn)}`);
    if (x?.deadLetterArn) out.push(`    dead-letter queue ${x.deadLetterArn}`);
    if (x?.autoPublishAlias) out.push(`    alias ${x.autoPublishAlias}`);
  }
  for (const api of app.apis) {
    out.push(`  ${api.type} API ${api.logicalId} (stage ${api.stage})`);
    for (const r of api.routes) out.push(`    ${r.method} ${r.path} -> ${r.functionName}`);
  }
  for (const r of app.resources) {
    const name =
      'name' in r ? r.name : r.kind === 'subscription' ? `${r.protocol} -> ${r.endpoint}` : r.functionName;
    out.push(`  ${r.kind} ${r.logicalId}: ${name}`);
  }
  for (const layer of Object.keys(app.workspace.layers)) out.push(`  layer ${layer}`);
  out.push('', app.warnings.length === 0 ? 'Not simulated: nothing.' : 'Not simulated:');
  for (const w of app.warnings) out.push(`  ${w.subject}: ${w.message}`);
  return out;
}
