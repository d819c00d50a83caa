import { z } from 'zod';
import { optional } from '../internal/zod';

const bucketSchema = z.object({ refill_rate: z.number(), bucket_capacity: z.number() });

/**
 * `GET /account/limits`:
 * `{"usage_tier":"basic","read":{"bucket_capacity":200,"refill_rate":200},"write":{"bucket_capacity":100,"refill_rate":100},"grants":[]}`
 */
export const accountLimitsSchema = z.object({
  usage_tier: optional(z.string()),
  read: bucketSchema,
  write: bucketSchema,
  grants: optional(z.array(z.unknown())),
});
export type AccountLimits = z.output<typeof accountLimitsSchema>;

/**
 * `GET /account/endpoint_costs`:
 * `{"default_cost":10,"endpoint_costs":[{"method":"DELETE","path":"/trade-api/v2/portfolio/events/orders/:order_id","cost":2},...]}`
 */
export const endpointCostsSchema = z.object({
  default_cost: z.number(),
  endpoint_costs: z
    .array(z.object({ method: z.string(), path: z.string(), cost: z.number() }))
    .nullish()
    .transform((v) => v ?? []),
});
export type EndpointCosts = z.output<typeof endpointCostsSchema>;
