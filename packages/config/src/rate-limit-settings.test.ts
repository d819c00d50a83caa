import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigValidationError, explainConfig, kalshiRateLimitSettings, loadConfig } from './index';
import { tempDir } from './internal/__fixtures__/temp';

describe('kalshiRateLimitSettings: the shared request budget on Redis', () => {
  it('is off when neither KALSHI_RATE_LIMIT_URL nor the YAML key is set', () => {
    const config = loadConfig({ cwd: tempDir(), runtimeEnv: {} });
    expect(config.kalshi.rateLimitUrl).toBeUndefined();
    expect(kalshiRateLimitSettings(config)).toBeUndefined();
  });

  it('takes KALSHI_RATE_LIMIT_URL with the key id and the YAML fallback settings', () => {
    const config = loadConfig({
      cwd: tempDir(),
      runtimeEnv: {
        KALSHI_RATE_LIMIT_URL: 'redis://127.0.0.1:6379/2',
        KALSHI_DEMO_API_KEY_ID: 'key-1',
        PRECOG_MARKETS__PLATFORMS__KALSHI__RATE_LIMIT__FALLBACK_FRACTION: '0.25',
      },
    });
    expect(kalshiRateLimitSettings(config)).toEqual({
      url: 'redis://127.0.0.1:6379/2',
      apiKeyId: 'key-1',
      fallbackFraction: 0.25,
      commandTimeoutMs: 500,
    });
  });

  it('reads the markets.yaml key, and the environment variable wins over it', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'markets.yaml'),
      'platforms:\n  kalshi:\n    rate_limit:\n      url: redis://yaml-host:6379/0\n      command_timeout_ms: 50\n',
    );
    const fromYaml = loadConfig({ cwd: dir, dir, runtimeEnv: {} });
    expect(kalshiRateLimitSettings(fromYaml)).toEqual({
      url: 'redis://yaml-host:6379/0',
      fallbackFraction: 0.5,
      commandTimeoutMs: 50,
    });
    const fromEnv = loadConfig({
      cwd: dir,
      dir,
      runtimeEnv: { KALSHI_RATE_LIMIT_URL: 'redis://env-host:6379/1' },
    });
    expect(fromEnv.kalshi.rateLimitUrl).toBe('redis://env-host:6379/1');
  });

  it('refuses a URL that is not redis:// without echoing it', () => {
    const error = (() => {
      try {
        loadConfig({ cwd: tempDir(), runtimeEnv: { KALSHI_RATE_LIMIT_URL: 'http://u:hunter2@h:1/0' } });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(ConfigValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('kalshi.rateLimitUrl');
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('never renders the Redis password', () => {
    const config = loadConfig({
      cwd: tempDir(),
      runtimeEnv: { KALSHI_RATE_LIMIT_URL: 'redis://:hunter2@127.0.0.1:6379/0' },
    });
    expect(JSON.stringify(config)).not.toContain('hunter2');
    const explained = explainConfig(config).find((row) => row.path === 'kalshi.rateLimitUrl');
    expect(explained?.value).not.toContain('hunter2');
    expect(explained?.origin).toBe('env KALSHI_RATE_LIMIT_URL');
  });
});
