import { describe, expect, it } from 'vitest';
import { kalshiClientSettings, loadConfig, storeSettings } from './index';
import { tempDir } from './internal/__fixtures__/temp';

describe('storeSettings and kalshiClientSettings: system.yaml as store and client options', () => {
  it('maps the packaged defaults', () => {
    const config = loadConfig({ cwd: tempDir(), runtimeEnv: {} });
    expect(storeSettings(config)).toEqual({
      poolSize: 10,
      connectionTimeoutMs: 30_000,
      statementTimeoutMs: 60_000,
      idleInTransactionTimeoutMs: 10_000,
      sslMode: 'prefer',
    });
    expect(kalshiClientSettings(config)).toEqual({
      timeoutMs: 30_000,
      maxRetries: 2,
      retryInitialDelayMs: 1000,
      retryMaxDelayMs: 30_000,
      rateLimitMaxWaitMs: 60_000,
      maxPagesWithoutNewItems: 10,
    });
  });

  it('follows every setting changed in the environment', () => {
    const config = loadConfig({
      cwd: tempDir(),
      runtimeEnv: {
        PRECOG_SYSTEM__DATABASE__POOL_SIZE: '3',
        PRECOG_SYSTEM__DATABASE__POOL_TIMEOUT_SECONDS: '2',
        PRECOG_SYSTEM__DATABASE__STATEMENT_TIMEOUT_MS: '3000',
        PRECOG_SYSTEM__DATABASE__IDLE_IN_TRANSACTION_TIMEOUT_MS: '0',
        PRECOG_SYSTEM__DATABASE__SSL_MODE: 'verify-ca',
        PRECOG_SYSTEM__DEFAULTS__TIMEOUTS__API_REQUEST_SECONDS: '5',
        PRECOG_SYSTEM__DEFAULTS__RETRIES__MAX_ATTEMPTS: '1',
        PRECOG_SYSTEM__DEFAULTS__RETRIES__INITIAL_DELAY_MS: '50',
        PRECOG_SYSTEM__DEFAULTS__RETRIES__MAX_DELAY_MS: '400',
        PRECOG_SYSTEM__DEFAULTS__RETRIES__RATE_LIMIT_MAX_WAIT_SECONDS: '7',
        PRECOG_SYSTEM__DEFAULTS__PAGINATION__MAX_PAGES_WITHOUT_NEW_ITEMS: '3',
      },
    });
    expect(storeSettings(config)).toEqual({
      poolSize: 3,
      connectionTimeoutMs: 2000,
      statementTimeoutMs: 3000,
      idleInTransactionTimeoutMs: 0,
      sslMode: 'verify-ca',
    });
    expect(kalshiClientSettings(config)).toEqual({
      timeoutMs: 5000,
      maxRetries: 0,
      retryInitialDelayMs: 50,
      retryMaxDelayMs: 400,
      rateLimitMaxWaitMs: 7000,
      maxPagesWithoutNewItems: 3,
    });
  });
});
