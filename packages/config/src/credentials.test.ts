import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  explainConfig,
  loadConfig,
  MissingVariableError,
  PrivateKeyError,
  requireKalshiCredentials,
} from './index';
import { recordingLogger, tempDir, testPrivateKeyPem } from './internal/__fixtures__/temp';

const PEM = testPrivateKeyPem();
const PEM_BODY_LINE = PEM.split('\n')[1]!;

function keyFile(mode = 0o600): string {
  const dir = tempDir();
  const path = join(dir, 'kalshi.pem');
  writeFileSync(path, PEM);
  chmodSync(path, mode);
  return path;
}

describe('Kalshi credentials', () => {
  it('prefers the environment-specific variables over the generic ones', () => {
    const config = loadConfig({
      cwd: tempDir(),
      runtimeEnv: {
        KALSHI_DEMO_API_KEY_ID: 'demo-key-id',
        KALSHI_API_KEY_ID: 'generic-key-id',
        KALSHI_DEMO_PRIVATE_KEY_PATH: keyFile(),
        KALSHI_PRIVATE_KEY_PATH: '/does/not/matter.pem',
      },
    });
    expect(config.kalshi.apiKeyId).toBe('demo-key-id');
    expect(config.kalshi.privateKey?.asymmetricKeyType).toBe('rsa');
    const credentials = requireKalshiCredentials(config);
    expect(credentials.apiKeyId).toBe('demo-key-id');
    expect(credentials.baseUrl).toBe('https://external-api.demo.kalshi.co/trade-api/v2');
  });

  it('falls back to the generic variables, and ignores the other environment’s', () => {
    const config = loadConfig({
      cwd: tempDir(),
      runtimeEnv: {
        KALSHI_PROD_API_KEY_ID: 'prod-only',
        KALSHI_API_KEY_ID: 'generic-key-id',
        KALSHI_PRIVATE_KEY_PATH: keyFile(),
      },
    });
    expect(config.kalshi.apiKeyId).toBe('generic-key-id');
    expect(explainConfig(config).find((e) => e.path === 'kalshi.privateKey')).toMatchObject({
      value: '[redacted]',
      origin: 'env KALSHI_PRIVATE_KEY_PATH',
    });
  });

  it('resolves a relative key path against cwd', () => {
    const cwd = tempDir({ '_keys/demo.pem': PEM });
    chmodSync(join(cwd, '_keys/demo.pem'), 0o600);
    const config = loadConfig({ cwd, runtimeEnv: { KALSHI_DEMO_PRIVATE_KEY_PATH: '_keys/demo.pem' } });
    expect(config.kalshi.privateKey?.type).toBe('private');
    expect(config.kalshi.privateKeySource).toBe('_keys/demo.pem');
  });

  it('accepts PEM text in KALSHI_PRIVATE_KEY with literal \\n sequences', () => {
    const oneLine = PEM.trim().replace(/\n/g, '\\n');
    const config = loadConfig({
      cwd: tempDir(),
      runtimeEnv: { KALSHI_API_KEY_ID: 'k', KALSHI_PRIVATE_KEY: oneLine },
    });
    expect(config.kalshi.privateKey?.type).toBe('private');
    expect(config.kalshi.privateKeySource).toBe('KALSHI_PRIVATE_KEY');
  });

  it('reads the key once into a KeyObject that can sign', async () => {
    const { createPublicKey, sign, verify, constants } = await import('node:crypto');
    const config = loadConfig({ cwd: tempDir(), runtimeEnv: { KALSHI_PRIVATE_KEY: PEM } });
    const key = config.kalshi.privateKey!;
    const pss = { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
    const signature = sign('sha256', Buffer.from('1700000000000GET/trade-api/v2/portfolio/balance'), {
      key,
      ...pss,
    });
    expect(
      verify(
        'sha256',
        Buffer.from('1700000000000GET/trade-api/v2/portfolio/balance'),
        { key: createPublicKey(key), ...pss },
        signature,
      ),
    ).toBe(true);
  });

  it('names the path of a key file that does not exist', () => {
    expect(() =>
      loadConfig({ cwd: tempDir(), runtimeEnv: { KALSHI_PRIVATE_KEY_PATH: '/nope/key.pem' } }),
    ).toThrow(new PrivateKeyError('/nope/key.pem', 'file does not exist'));
  });

  it('names the path of a file that is not a key, without quoting it', () => {
    const dir = tempDir({ 'notakey.pem': 'hello secret world\n' });
    const path = join(dir, 'notakey.pem');
    const error = catchError(() =>
      loadConfig({ cwd: dir, runtimeEnv: { KALSHI_PRIVATE_KEY_PATH: path } }),
    ) as Error;
    expect(error).toBeInstanceOf(PrivateKeyError);
    expect(error.message).toBe(
      `private key ${path}: not a PEM private key (expected -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)`,
    );
    expect(error.message).not.toContain('secret');
  });

  it('rejects a corrupted PEM without putting key material in the error or its cause', () => {
    const broken = PEM.replace(PEM_BODY_LINE, 'AAAA');
    const error = catchError(() =>
      loadConfig({ cwd: tempDir(), runtimeEnv: { KALSHI_PRIVATE_KEY: broken } }),
    ) as PrivateKeyError;
    expect(error.message).toBe(
      'private key KALSHI_PRIVATE_KEY: not a valid private key (PEM, PKCS#1 or PKCS#8 expected)',
    );
    expect(inspect(error, { depth: 5 })).not.toContain(PEM.split('\n')[2]!);
  });

  it('names a directory given as key path', () => {
    const dir = tempDir();
    expect(() => loadConfig({ cwd: dir, runtimeEnv: { KALSHI_PRIVATE_KEY_PATH: dir } })).toThrow(
      `private key ${dir}: cannot read (EISDIR)`,
    );
  });

  it('warns when the key file is readable by group or others', () => {
    const logger = recordingLogger();
    const path = keyFile(0o644);
    loadConfig({ cwd: tempDir(), runtimeEnv: { KALSHI_PRIVATE_KEY_PATH: path }, logger });
    expect(logger.lines).toEqual([
      {
        level: 'warn',
        obj: { path, mode: '0644' },
        msg: `private key ${path} is readable by group or others; run chmod 600 on it`,
      },
    ]);
    const quiet = recordingLogger();
    loadConfig({ cwd: tempDir(), runtimeEnv: { KALSHI_PRIVATE_KEY_PATH: keyFile(0o600) }, logger: quiet });
    expect(quiet.lines).toEqual([]);
  });

  it('requireKalshiCredentials names the missing variables and the environment', () => {
    const demo = loadConfig({ cwd: tempDir(), runtimeEnv: {} });
    const error = catchError(() => requireKalshiCredentials(demo)) as MissingVariableError;
    expect(error).toBeInstanceOf(MissingVariableError);
    expect(error.message).toBe(
      'KALSHI_DEMO_API_KEY_ID or KALSHI_API_KEY_ID is not set; the demo environment needs it to sign Kalshi requests',
    );
    expect(error.variables).toEqual(['KALSHI_DEMO_API_KEY_ID', 'KALSHI_API_KEY_ID']);
    expect(error.environment).toBe('demo');

    const prod = loadConfig({ cwd: tempDir(), env: 'prod', runtimeEnv: { KALSHI_PROD_API_KEY_ID: 'id' } });
    expect(() => requireKalshiCredentials(prod)).toThrow(
      'KALSHI_PROD_PRIVATE_KEY_PATH or KALSHI_PRIVATE_KEY_PATH or KALSHI_PRIVATE_KEY is not set; the prod environment needs it to sign Kalshi requests',
    );
  });

  it('takes key settings from overrides first', () => {
    const config = loadConfig({
      cwd: tempDir(),
      runtimeEnv: { KALSHI_API_KEY_ID: 'env-id', KALSHI_PRIVATE_KEY_PATH: '/nope.pem' },
      overrides: { kalshi: { apiKeyId: 'flag-id', privateKeyPath: keyFile() } },
    });
    expect(config.kalshi.apiKeyId).toBe('flag-id');
    const fromText = loadConfig({
      cwd: tempDir(),
      runtimeEnv: {},
      overrides: { kalshi: { privateKey: PEM } },
    });
    expect(fromText.kalshi.privateKeySource).toBe('override');
  });
});

describe('secrets never rendered', () => {
  const config = loadConfig({
    cwd: tempDir(),
    runtimeEnv: {
      DATABASE_URL: 'postgres://precog:s3cr3t-pw@db.example:5432/precog',
      KALSHI_API_KEY_ID: 'key-id',
      KALSHI_PRIVATE_KEY: PEM,
    },
  });

  it('keeps the real values available to code', () => {
    expect(config.databaseUrl).toBe('postgres://precog:s3cr3t-pw@db.example:5432/precog');
  });

  it.each([
    ['JSON.stringify', () => JSON.stringify(config)],
    ['util.inspect', () => inspect(config, { depth: 10 })],
    ['String', () => String(config)],
    ['template literal', () => `${config}`],
    ['JSON of kalshi', () => JSON.stringify(config.kalshi)],
    ['inspect of kalshi', () => inspect(config.kalshi, { depth: 10, showHidden: true })],
    ['explainConfig', () => JSON.stringify(explainConfig(config))],
  ])('%s shows neither the password nor the key', (_name, render) => {
    const text = render();
    expect(text).not.toContain('s3cr3t-pw');
    expect(text).not.toContain(PEM_BODY_LINE);
    expect(text).not.toContain('PRIVATE KEY');
  });

  it('renders the redacted forms', () => {
    const json = JSON.parse(JSON.stringify(config));
    expect(json.databaseUrl).toBe('postgres://precog:[redacted]@db.example:5432/precog');
    expect(json.kalshi.privateKey).toBe('[redacted]');
    expect(json.trading.account.daily_loss_limit_dollars).toBe('500');
    expect(String(config)).toBe('[PrecogConfig demo]');
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
