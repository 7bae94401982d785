/** API Gateway (filled in below in a later step). */
import type { Hub } from './hub';
import type { ServiceModule } from './operation';

export interface ApiGateway {
  readonly module: ServiceModule;
}

export function createApiGateway(_hub: Hub): ApiGateway {
  return {
    module: {
      name: 'apigateway',
      denied: { code: 'AccessDeniedException', httpStatus: 403, quoteResource: false },
      operations: {},
    },
  };
}
