import { ConfigError, ConfigValidationError, MissingVariableError, PrivateKeyError } from '@precog/config';
import { KalshiApiError, KalshiRateLimitError } from '@precog/kalshi-client';
import { MigrationChangedError as StoreMigrationError } from '@precog/scd2-store';
import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { ExitCode, exitCodeFor, UsageError } from './exit-codes';

/** An error built by a second copy of a package (its CJS build, another version): only the marker is shared. */
function secondCopy(marker: string): Error {
  return Object.defineProperty(new Error('from another copy'), Symbol.for(marker), { value: true });
}

const withCode = (code: string) => Object.assign(new Error('x'), { code });

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
  ])('%s → %i', (_label, error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });
});
