import type { RequestOptions } from '../core/request-options';
import type { Transport } from '../internal/transport';
import {
  type AccountLimits,
  accountLimitsSchema,
  type EndpointCosts,
  endpointCostsSchema,
} from '../schemas/account';

/** `client.account`: the key's rate limits and the token cost of each endpoint. */
export class AccountResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /account/limits`: usage tier and read/write bucket sizes. */
  getLimits(options?: RequestOptions): Promise<AccountLimits> {
    return this.transport.request(
      { method: 'GET', path: '/account/limits', schema: accountLimitsSchema, retry: 'safe' },
      options,
    );
  }

  /** `GET /account/endpoint_costs`: the default cost and every endpoint that differs. */
  getEndpointCosts(options?: RequestOptions): Promise<EndpointCosts> {
    return this.transport.request(
      { method: 'GET', path: '/account/endpoint_costs', schema: endpointCostsSchema, retry: 'safe' },
      options,
    );
  }
}
