import { ConfigError, ConfigValidationError, MissingVariableError, PrivateKeyError } from '@precog/config';
import { KalshiApiError, KalshiRateLimitError, KalshiResponseValidationError } from '@precog/kalshi-client';
import {
  PrecisionError,
  StoreConnectionError,
  MigrationChangedError as StoreMigrationError,
} from '@precog/scd2-store';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { syncFailure } from '../commands/fetch';
import { EXIT_CODES_HELP, ExitCode, exitCodeFor, UsageError } from './exit-codes';

/** An error built by a second copy of a package (its CJS build, another version): only the marker is shared. */
function secondCopy(marker: string): Error {
  return Object.defineProperty(new Error('from another copy'), Symbol.for(marker), { value: true });
}

const withCode = (code: string) => Object.assign(new Error('x'), { code });
/** An error as Node's fs module throws it. */
const fsError = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path, errno: -1 });
const badBody = () =>
  new KalshiResponseValidationError('GET /trade-api/v2/markets returned an unexpected body at markets.0', [
    'markets',
    0,
  ]);

describe('exitCodeFor', () => {
  it.each([
    ['a usage error', new UsageError('bad'), ExitCode.Usage],
    ['a commander error', new CommanderError(1, 'commander.unknownOption', 'x'), ExitCode.Usage],
    [
      'a validation error',
      new ConfigValidationError([{ keyPath: 'a', expected: 'b', found: 'c' }]),
      ExitCode.Config,
    ],
    ['a missing variable', new MissingVariableError(['X'], 'demo', 'to work'), ExitCode.Config],
    ['a private key error', new PrivateKeyError('/k', 'bad'), ExitCode.Config],
    ['a Kalshi error', new KalshiApiError('no'), ExitCode.Exchange],
    ['a subclass of a Kalshi error', new KalshiRateLimitError('slow'), ExitCode.Exchange],
    ['a store error subclass', new StoreMigrationError('changed'), ExitCode.Database],
    ['a Kalshi error from a second copy', secondCopy('precog.kalshi-client.KalshiError'), ExitCode.Exchange],
    ['a config error from a second copy', secondCopy('precog.config.ConfigError'), ExitCode.Config],
    ['a store error from a second copy', secondCopy('precog.scd2-store.StoreError'), ExitCode.Database],
    [
      'an error merely named like a Kalshi one',
      Object.assign(new Error('x'), { name: 'KalshiApiError' }),
      ExitCode.Internal,
    ],
    [
      'a pg DatabaseError',
      Object.assign(new Error('dup'), { code: '23505', severity: 'ERROR' }),
      ExitCode.Database,
    ],
    ['a plain ConfigError', new ConfigError('bad'), ExitCode.Config],
    ['a pg connection refusal', withCode('ECONNREFUSED'), ExitCode.Database],
    ['a pg authentication failure', withCode('28P01'), ExitCode.Database],
    ['a missing database', withCode('3D000'), ExitCode.Database],
    ['a server shutting down', withCode('57P01'), ExitCode.Database],
    ['a plain error', new Error('bug'), ExitCode.Internal],
    ['a unique violation (not a connection problem)', withCode('23505'), ExitCode.Internal],
    ['a thrown string', 'oops', ExitCode.Internal],
    [
      'a file the user named that cannot be read (EACCES)',
      fsError('EACCES', 'open', 'games.csv'),
      ExitCode.Filesystem,
    ],
    ['a full disk (ENOSPC)', fsError('ENOSPC', 'write', 'plot.svg'), ExitCode.Filesystem],
    ['a missing file (ENOENT)', fsError('ENOENT', 'open', 'initial.csv'), ExitCode.Filesystem],
    ['a read-only file system (EROFS)', fsError('EROFS', 'mkdir', '/data/pglite'), ExitCode.Filesystem],
    ['an errno without a syscall is not taken for a file error', withCode('ENOENT'), ExitCode.Internal],
    [
      'a store error caused by an unwritable data directory',
      new StoreConnectionError('cannot open the data directory', {
        host: 'pglite',
        cause: fsError('EACCES', 'mkdir', '/d'),
      }),
      ExitCode.Filesystem,
    ],
    [
      "the client's schema error wrapped by a sync step",
      new Error('sync failed', { cause: badBody() }),
      ExitCode.Exchange,
    ],
    [
      'a database error caused by bad exchange data',
      new StoreConnectionError('write refused', { host: 'db:5432/precog', cause: badBody() }),
      ExitCode.Exchange,
    ],
    [
      'a value from the exchange the store cannot keep exactly, during a sync',
      syncFailure(
        new PrecisionError({
          table: 'fills',
          column: 'yes_price',
          value: '0.1234567',
          columnType: 'numeric(10,6)',
          reason: 'has more than 6 decimals',
        }),
        'demo',
      ),
      ExitCode.Exchange,
    ],
    [
      'a bug inside a wrapper stays internal',
      new Error('outer', { cause: new TypeError('x is undefined') }),
      ExitCode.Internal,
    ],
  ])('%s → %i', (_label, error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });
});

describe('EXIT_CODES_HELP', () => {
  it('names every exit code the CLI uses, filesystem included', () => {
    for (const code of Object.values(ExitCode)) expect(EXIT_CODES_HELP).toContain(`${code} `);
    expect(EXIT_CODES_HELP).toContain('6 filesystem');
    expect(EXIT_CODES_HELP).toContain('1 internal error (a bug)');
  });
});
