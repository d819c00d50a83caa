import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { KalshiInvalidParamsError } from '../core/errors';
import type { RequestOptions } from '../core/request-options';
import { parseParams } from '../internal/params';
import { segment } from '../internal/query';
import type { Transport } from '../internal/transport';
import {
  API_KEY_SCOPES,
  type ApiKeyList,
  type ApiKeyScope,
  apiKeysResponseSchema,
  type CreateApiKeyResult,
  createApiKeyResultSchema,
  type GeneratedApiKey,
  generateApiKeyResultSchema,
} from '../schemas/api-key';

/** Fields shared by `POST /api_keys` and `POST /api_keys/generate`. */
export interface ApiKeyParams {
  /** What the key is for; shown in the key list. Not empty. */
  name: string;
  /** Scopes to grant; default full access. With `write`, `read` must be granted too. */
  scopes?: readonly ApiKeyScope[];
  /** Restricts the key to one subaccount you own (0–63): it may only read and trade there. */
  subaccount?: number;
  /** FCM members only: binds the key to one of your subtraders, `{your_user_id}_{suffix}`. */
  fcm_subtrader_id?: string;
}

/** Body of `POST /api_keys`. */
export interface CreateApiKeyParams extends ApiKeyParams {
  /** Your RSA public key, PEM. A private key here is refused before anything is sent. */
  public_key: string;
}

const keyFields = z
  .object({
    name: z.string().trim().min(1, 'must not be empty'),
    scopes: z.array(z.enum(API_KEY_SCOPES)).optional(),
    subaccount: z.number().int().min(0).max(63).optional(),
    fcm_subtrader_id: z
      .string()
      .regex(/^[^_\s]+_[a-z0-9]{1,16}$/, 'must be {your_user_id}_{suffix}, suffix 1-16 of [a-z0-9]')
      .optional(),
  })
  .refine((p) => !p.scopes?.includes('write') || p.scopes.includes('read'), {
    message: 'the write scope needs the read scope too',
    path: ['scopes'],
  });

const createFields = z.object({ public_key: z.string() }).and(keyFields);

/** `client.apiKeys`: the account's API keys: list, create from your public key, generate, delete. */
export class ApiKeysResource {
  constructor(private readonly transport: Transport) {}

  /** `GET /api_keys`: every key of the account (or only those bound to one FCM subtrader). */
  async list(params: { fcm_subtrader_id?: string } = {}, options?: RequestOptions): Promise<ApiKeyList> {
    return this.transport.request(
      {
        method: 'GET',
        path: '/api_keys',
        query: { ...params },
        schema: apiKeysResponseSchema,
        retry: 'safe',
      },
      options,
    );
  }

  /**
   * `POST /api_keys`: registers a key whose public half you supply (Premier and Market Maker
   * levels). The text must be an RSA public key in PEM. Not retried: a repeat would make a second key.
   */
  async create(params: CreateApiKeyParams, options?: RequestOptions): Promise<CreateApiKeyResult> {
    const body = parseParams('apiKeys.create', createFields, params);
    checkPublicKey(body.public_key);
    return this.transport.request(
      { method: 'POST', path: '/api_keys', body, schema: createApiKeyResultSchema, retry: 'unsafe' },
      options,
    );
  }

  /**
   * `POST /api_keys/generate`: the exchange makes a key pair and returns the private key once;
   * it cannot be read again. `private_key` is a {@link SecretString}: `reveal()` gives the PEM,
   * anything else (logs, JSON, errors) shows `[redacted]`. Not retried: a repeat would make a
   * second key whose private half is lost.
   */
  async generate(params: ApiKeyParams, options?: RequestOptions): Promise<GeneratedApiKey> {
    const body = parseParams('apiKeys.generate', keyFields, params);
    return this.transport.request(
      {
        method: 'POST',
        path: '/api_keys/generate',
        body,
        schema: generateApiKeyResultSchema,
        retry: 'unsafe',
        secretResponse: true,
      },
      options,
    );
  }

  /** `DELETE /api_keys/{api_key}`: revokes a key for good (retried: deleting twice changes nothing). */
  async delete(apiKeyId: string, options?: RequestOptions): Promise<void> {
    if (apiKeyId.trim() === '') throw new KalshiInvalidParamsError('apiKeys.delete needs an api key id');
    await this.transport.request(
      {
        method: 'DELETE',
        path: `/api_keys/${segment(apiKeyId)}`,
        schema: z.unknown(),
        retry: 'safe',
      },
      options,
    );
  }
}

/** A PEM public key, never a private one (whose text must not leave the machine, nor be echoed). */
function checkPublicKey(pem: string): void {
  if (/PRIVATE KEY/.test(pem))
    throw new KalshiInvalidParamsError(
      'apiKeys.create: public_key holds a PRIVATE key; send only the public key (nothing was sent)',
    );
  try {
    createPublicKey(pem);
  } catch {
    throw new KalshiInvalidParamsError('apiKeys.create: public_key is not a PEM public key');
  }
}
