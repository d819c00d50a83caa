import { describe, expect, it } from 'vitest';
import { EloError, InvalidGameError } from './errors';

describe('EloError.isInstance', () => {
  it("recognises this copy's errors and their subclasses", () => {
    expect(EloError.isInstance(new EloError('x'))).toBe(true);
    expect(EloError.isInstance(new InvalidGameError('bad game'))).toBe(true);
  });

  it('recognises an error from a second copy of the package by its Symbol.for marker', () => {
    // What another copy (the CJS build beside the ESM one, or a second version) constructs.
    class SecondCopyEloError extends Error {
      constructor(message: string) {
        super(message);
        Object.defineProperty(this, Symbol.for('precog.elo.EloError'), { value: true });
      }
    }
    const other = new SecondCopyEloError('from the other copy');
    expect(other instanceof EloError).toBe(false);
    expect(EloError.isInstance(other)).toBe(true);
  });

  it('refuses look-alikes without the marker', () => {
    expect(EloError.isInstance(Object.assign(new Error('x'), { name: 'EloError' }))).toBe(false);
    expect(EloError.isInstance(null)).toBe(false);
    expect(EloError.isInstance('EloError')).toBe(false);
  });
});
