import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, LogFileError, noopLogger } from './index';
import { tempDir, testPrivateKeyPem } from './internal/__fixtures__/temp';

function capture(isTTY = false) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  return {
    stream,
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
  };
}

describe('createLogger', () => {
  it('writes one JSON object per line with level, time and message', () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream, base: { app: 'test' } });
    logger.info({ ticker: 'KXNFLGAME-X' }, 'fetched market');
    logger.debug({}, 'hidden at info');
    const [line] = out.lines();
    expect(out.lines()).toHaveLength(1);
    expect(line).toMatchObject({ level: 'info', app: 'test', ticker: 'KXNFLGAME-X', msg: 'fetched market' });
    expect(typeof line.time).toBe('string');
  });

  it('honours the level option', () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream, level: 'warn' });
    logger.info({}, 'no');
    logger.warn({}, 'yes');
    expect(out.lines().map((l) => l.msg)).toEqual(['yes']);
  });

  it('redacts the signature header in any casing and nesting, and other secret keys', () => {
    const out = capture();
    const logger = createLogger({ destination: out.stream });
    logger.info(
      {
        request: {
          headers: {
            'KALSHI-ACCESS-SIGNATURE': 'sig-1',
            'kalshi-access-signature': 'sig-2',
            'KALSHI-ACCESS-KEY': 'key-id-is-not-secret',
          },
        },
        retries: [{ headers: { 'Kalshi-Access-Signature': 'sig-3' } }],
        password: 'pw',
        privateKey: 'pk',
        api_key: 'ak',
        Authorization: 'Bearer t',
        password_env: 'SMTP_PASSWORD',
      },
      'request sent',
    );
    const [line] = out.lines();
    expect(line.request.headers).toEqual({
      'KALSHI-ACCESS-SIGNATURE': '[redacted]',
      'kalshi-access-signature': '[redacted]',
      'KALSHI-ACCESS-KEY': 'key-id-is-not-secret',
    });
    expect(line.retries[0].headers['Kalshi-Access-Signature']).toBe('[redacted]');
    expect(line).toMatchObject({
      password: '[redacted]',
      privateKey: '[redacted]',
      api_key: '[redacted]',
      Authorization: '[redacted]',
      password_env: 'SMTP_PASSWORD',
    });
    expect(out.text()).not.toMatch(/sig-[123]/);
  });

  it('logs fetch Headers and Maps by entry, redacting the signature', () => {
    const out = capture();
    const headers = new Headers({
      'KALSHI-ACCESS-SIGNATURE': 'sig-h',
      'KALSHI-ACCESS-TIMESTAMP': '1700000000000',
    });
    createLogger({ destination: out.stream }).info(
      {
        headers,
        map: new Map<string, unknown>([
          ['token', 't'],
          ['n', 1],
        ]),
      },
      'sent',
    );
    const [line] = out.lines();
    expect(line.headers).toEqual({
      'kalshi-access-signature': '[redacted]',
      'kalshi-access-timestamp': '1700000000000',
    });
    expect(line.map).toEqual({ token: '[redacted]', n: 1 });
  });

  it('removes PEM blocks and URL passwords from messages, values, errors and child bindings', () => {
    const pem = testPrivateKeyPem();
    const out = capture();
    const logger = createLogger({ destination: out.stream }).child({ db: 'postgres://u:pw1@h/db' });
    logger.error(
      { err: new Error(`connect postgres://u:pw2@h/db failed`), note: `key was ${pem}` },
      `bad url postgres://u:pw3@h/db`,
    );
    const text = out.text();
    for (const secret of ['pw1', 'pw2', 'pw3', pem.split('\n')[1]!]) expect(text).not.toContain(secret);
    const [line] = out.lines();
    expect(line.db).toBe('postgres://u:[redacted]@h/db');
    expect(line.msg).toBe('bad url postgres://u:[redacted]@h/db');
    expect(line.err.message).toBe('connect postgres://u:[redacted]@h/db failed');
    expect(line.note).toBe('key was [redacted]\n');
    expect(line.err.type).toBe('Error');
  });

  it('writes readable text when asked for pretty output', () => {
    const out = capture(false);
    createLogger({ destination: out.stream, format: 'pretty' }).info({ n: 1 }, 'hello there');
    expect(out.text()).toContain('INFO');
    expect(out.text()).toContain('hello there');
    expect(() => JSON.parse(out.text())).toThrow();
  });

  it('chooses pretty output on a TTY and JSON otherwise', () => {
    const tty = capture(true);
    createLogger({ destination: tty.stream }).info({}, 'x');
    expect(tty.text().startsWith('{')).toBe(false);
    const pipe = capture(false);
    createLogger({ destination: pipe.stream }).info({}, 'x');
    expect(pipe.lines()[0].msg).toBe('x');
  });

  it('also appends JSON lines to a log file', () => {
    const dir = tempDir();
    const file = join(dir, 'precog.log');
    const out = capture();
    const logger = createLogger({ destination: out.stream, file });
    logger.info({ password: 'x' }, 'to both');
    const line = JSON.parse(readFileSync(file, 'utf8').trim());
    expect(line).toMatchObject({ msg: 'to both', password: '[redacted]' });
  });

  it('writes only to the file when console output is off', () => {
    const file = join(tempDir(), 'only.log');
    const out = capture();
    createLogger({ destination: out.stream, console: false, file }).warn({}, 'file only');
    expect(out.text()).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).msg).toBe('file only');
  });

  it('a full disk under the log file does not throw into the caller: one warning, logging goes on', () => {
    // /dev/full answers every write with ENOSPC, as a full disk does.
    const out = capture();
    const warnings = capture();
    const logger = createLogger({ destination: out.stream, file: '/dev/full', warnings: warnings.stream });
    expect(() => {
      logger.info({ page: 1 }, 'synced page');
      logger.info({ page: 2 }, 'synced page');
      logger.warn({ page: 3 }, 'synced page');
    }).not.toThrow();
    expect(warnings.text()).toBe(
      'precog: warning: cannot write the log file /dev/full (the disk is full); carrying on, log lines that cannot be written are dropped\n',
    );
    // The console still gets every line.
    expect(out.lines().map((l) => l.page)).toEqual([1, 2, 3]);
  });

  it('fails clearly when the log file directory does not exist', () => {
    const file = join(tempDir(), 'missing', 'precog.log');
    const error = catchError(() => createLogger({ destination: capture().stream, file })) as LogFileError;
    expect(error).toBeInstanceOf(LogFileError);
    expect(error.message).toBe(`cannot open log file ${file}: the directory does not exist`);
    expect(error.code).toBe('ENOENT');
    expect(error.path).toBe(file);
  });

  it('fails clearly when the log file cannot be created (a parent is a regular file)', () => {
    // Tests run as root, which ignores permission bits; a path below a regular file fails for everyone.
    const dir = tempDir({ 'plain-file': 'x' });
    const file = join(dir, 'plain-file', 'precog.log');
    expect(() => createLogger({ destination: capture().stream, file })).toThrow(
      `cannot open log file ${file}: a parent path is not a directory`,
    );
  });

  it('fails clearly when the log file path is a directory', () => {
    const dir = tempDir();
    expect(() => createLogger({ destination: capture().stream, file: dir })).toThrow(
      `cannot open log file ${dir}: it is a directory`,
    );
  });

  it('the no-op logger accepts every call', () => {
    expect(() => {
      noopLogger.info({}, 'x');
      noopLogger.child?.({}).error({}, 'y');
    }).not.toThrow();
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
