/** EventBridge scheduled event (facts §4.7): `time` has no milliseconds. */

import { SAM_ACCOUNT, SAM_REGION } from './defaults';
import type { JsonObject } from './deps';

export interface ScheduledEventArgs {
  readonly id?: string;
  readonly time?: string;
  readonly region?: string;
  readonly account?: string;
  readonly ruleName?: string;
}

export function scheduledEvent(a: ScheduledEventArgs = {}): JsonObject {
  const region = a.region ?? SAM_REGION;
  const account = a.account ?? SAM_ACCOUNT;
  return {
    version: '0',
    id: a.id ?? 'cdc73f9d-aea9-11e3-9d5a-835b769c0d9c',
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account,
    time: a.time ?? '1970-01-01T00:00:00Z',
    region,
    resources: [`arn:aws:events:${region}:${account}:rule/${a.ruleName ?? 'ExampleRule'}`],
    detail: {},
  };
}

/** Drop the milliseconds of an ISO timestamp: `2019-03-01T01:23:45.000Z` → `2019-03-01T01:23:45Z`. */
export function isoSeconds(iso: string): string {
  return iso.replace(/\.\d{3}Z$/, 'Z');
}
