import { z } from 'zod';
import { SecretString } from '../core/secret';
import { optional, unixSeconds } from '../internal/zod';

/** The scopes an API key can hold (3.30). Unknown scopes from the exchange are kept as text. */
export const API_KEY_SCOPES = [
  'read',
  'write',
  'read::block_trade_accept',
  'read::portfolio_balance',
  'write::trade',
  'write::transfer',
  'write::block_trade_accept',
] as const;
/** One scope of {@link API_KEY_SCOPES}. */
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

const scopes = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

/**
 * One key of `GET /api_keys`:
 * `{"api_key_id":"a952bcbe-...","name":"sync-bot","scopes":["read","write"],"subaccount":2}`
 * (`subaccount` / `fcm_subtrader_id` only on restricted keys).
 */
export const apiKeySchema = z.object({
  api_key_id: z.string(),
  name: optional(z.string()),
  scopes,
  subaccount: optional(z.number()),
  fcm_subtrader_id: optional(z.string()),
});
export type ApiKey = z.output<typeof apiKeySchema>;

/** `GET /api_keys`: `{"api_keys":[...],"api_key_region_expiration_ts":1796083200}` */
export const apiKeysResponseSchema = z.object({
  api_keys: z
    .array(apiKeySchema)
    .nullish()
    .transform((v) => v ?? []),
  /** When the account's location attestation for API key requests lapses (absent: never attested). */
  api_key_region_expiration_ts: optional(unixSeconds),
});
export type ApiKeyList = z.output<typeof apiKeysResponseSchema>;

/** `POST /api_keys` (201): `{"api_key_id":"a952bcbe-..."}`, `warning` only for FCM-bound keys. */
export const createApiKeyResultSchema = z.object({
  api_key_id: z.string(),
  warning: optional(z.string()),
});
export type CreateApiKeyResult = z.output<typeof createApiKeyResultSchema>;

/**
 * `POST /api_keys/generate` (201): `{"api_key_id":"b17d...","private_key":"-----BEGIN RSA PRIVATE KEY-----\n..."}`.
 * The private key is wrapped at once in a {@link SecretString}: it never prints itself.
 */
export const generateApiKeyResultSchema = z.object({
  api_key_id: z.string(),
  private_key: z
    .string()
    .min(1)
    .transform((pem) => new SecretString(pem)),
  warning: optional(z.string()),
});
export type GeneratedApiKey = z.output<typeof generateApiKeyResultSchema>;
