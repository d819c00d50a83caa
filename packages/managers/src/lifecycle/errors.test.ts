import { describe, expect, it } from 'vitest';
import { ManagersError } from '../errors';
import {
  ImmutableConfigError,
  InvalidConfigError,
  InvalidTransitionError,
  VersionNotFoundError,
} from './errors';

describe('lifecycle errors isInstance', () => {
  it('each class recognises its own instances, and the managers base all of them', () => {
    const transition = new InvalidTransitionError('strategy', 7, 'draft', 'active');
    const immutable = new ImmutableConfigError('strategy', 'elo', '1.0.0');
    const invalid = new InvalidConfigError('model', 'elo', ['k: must be positive']);
    const missing = new VersionNotFoundError('model', 'elo@9');
    expect(InvalidTransitionError.isInstance(transition)).toBe(true);
    expect(ImmutableConfigError.isInstance(immutable)).toBe(true);
    expect(InvalidConfigError.isInstance(invalid)).toBe(true);
    expect(VersionNotFoundError.isInstance(missing)).toBe(true);
    expect(InvalidTransitionError.isInstance(missing)).toBe(false);
    expect(VersionNotFoundError.isInstance(transition)).toBe(false);
    expect([transition, immutable, invalid, missing].every((e) => ManagersError.isInstance(e))).toBe(true);
  });

  it('recognises a second copy by its Symbol.for marker', () => {
    const other = Object.defineProperty(
      new Error('other copy'),
      Symbol.for('precog.managers.InvalidTransitionError'),
      {
        value: true,
      },
    );
    expect(other instanceof InvalidTransitionError).toBe(false);
    expect(InvalidTransitionError.isInstance(other)).toBe(true);
    expect(ManagersError.isInstance(other)).toBe(false);
  });
});
