/** EventBridge (filled in below in a later step). */
import type { Hub } from './hub';
import type { ServiceModule } from './operation';
import type { Sns } from './sns';
import type { Sqs } from './sqs';

export interface EventBridge {
  readonly module: ServiceModule;
}

export function createEventBridge(_hub: Hub, _sqs: Sqs, _sns: Sns): EventBridge {
  return {
    module: {
      name: 'events',
      denied: { code: 'AccessDeniedException', httpStatus: 400, quoteResource: false },
      operations: {},
    },
  };
}
