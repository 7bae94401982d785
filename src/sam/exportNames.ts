/**
 * Logical ids for an exported template, and values made portable: a resource's name becomes a Ref to it,
 * and the lab's region and account inside ARNs become ${AWS::Region} and ${AWS::AccountId}, so the
 * template deploys into any account (and reads back to the same values in the lab).
 */
import { ACCOUNT, REGION, type SamResource } from './samApp';
import type { TValue } from './templateFile';

/** `sam-app-orders.fifo` -> `SamAppOrdersFifo` (logical ids are alphanumeric). */
export function logicalIdOf(name: string, suffix = ''): string {
  const id = name
    .split(/[^A-Za-z0-9]+/)
    .filter((p) => p !== '')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');
  const start = /^[A-Za-z]/.test(id) ? id : `R${id}`;
  return `${start}${start.endsWith(suffix) ? '' : suffix}`;
}

export class LogicalIds {
  private readonly used = new Set<string>();
  take(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.used.has(id); n++) id = `${wanted}${n}`;
    this.used.add(id);
    return id;
  }
}

/** What a value can be replaced with: a resource's Ref (names, URLs, topic ARNs) or an attribute. */
export function refTable(resources: readonly SamResource[]): Map<string, TValue> {
  const out = new Map<string, TValue>();
  for (const r of resources) {
    const ref = { Ref: r.logicalId };
    switch (r.kind) {
      case 'table':
        out.set(r.name, ref);
        out.set(`arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${r.name}`, {
          'Fn::GetAtt': [r.logicalId, 'Arn'],
        });
        break;
      case 'queue':
        out.set(`https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${r.name}`, ref);
        out.set(`arn:aws:sqs:${REGION}:${ACCOUNT}:${r.name}`, { 'Fn::GetAtt': [r.logicalId, 'Arn'] });
        break;
      case 'topic':
        out.set(`arn:aws:sns:${REGION}:${ACCOUNT}:${r.name}`, ref);
        break;
      case 'stream':
        out.set(r.name, ref);
        out.set(`arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${r.name}`, {
          'Fn::GetAtt': [r.logicalId, 'Arn'],
        });
        break;
      case 'bucket':
      case 'parameter':
        out.set(r.name, ref);
        break;
      default:
        break;
    }
  }
  return out;
}

const REGION_VAR = ['$', '{AWS::Region}'].join('');
const ACCOUNT_VAR = ['$', '{AWS::AccountId}'].join('');

/** An ARN or URL with the lab's region and account as pseudo parameters (unchanged when it has neither). */
export function portable(text: string): TValue {
  if (!text.includes(ACCOUNT) && !text.includes(`:${REGION}:`) && !text.includes(`.${REGION}.`)) return text;
  // A literal `${x}` in the value must stay literal inside Fn::Sub: `${!x}`.
  const escaped = text.replaceAll('$' + '{', '$' + '{!');
  return {
    'Fn::Sub': escaped
      .replaceAll(`:${REGION}:`, `:${REGION_VAR}:`)
      .replaceAll(`.${REGION}.`, `.${REGION_VAR}.`)
      .replaceAll(ACCOUNT, ACCOUNT_VAR),
  };
}

/** Every string inside `value` made portable (policy documents). */
export function portableDeep(value: TValue): TValue {
  if (typeof value === 'string') return portable(value);
  if (Array.isArray(value)) return value.map(portableDeep);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, portableDeep(v)]));
  return value;
}
