import { z } from 'zod';
import type { RequestOptions } from '../core/request-options';
import type { Transport } from '../internal/transport';
import {
  type AccountLimits,
  accountLimitsSchema,
  type EndpointCosts,
  endpointCostsSchema,
} from '../schemas/account';
import { type VolumeProgress, volumeProgressSchema } from '../schemas/event-extra';

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

  /** `GET /account/api_usage_level/volume_progress`: trailing volume against each tier's goals. */
  async getVolumeProgress(options?: RequestOptions): Promise<VolumeProgress[]> {
    const response = await this.transport.request(
      {
        method: 'GET',
        path: '/account/api_usage_level/volume_progress',
        schema: volumeProgressSchema,
        retry: 'safe',
      },
      options,
    );
    return response.volume_progress;
  }

  /** `POST /account/api_usage_level/upgrade`: asks for the tier the volume earned (30 tokens). */
  async upgradeUsageLevel(options?: RequestOptions): Promise<void> {
    await this.transport.request(
      { method: 'POST', path: '/account/api_usage_level/upgrade', schema: z.unknown(), retry: 'unsafe' },
      options,
    );
  }
}
