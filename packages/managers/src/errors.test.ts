import { describe, expect, it } from 'vitest';
import { ManagersError, TradingConfigError } from './errors';

describe('ManagersError.isInstance', () => {
  it("recognises this copy's errors and their subclasses", () => {
    expect(ManagersError.isInstance(new ManagersError('x'))).toBe(true);
    expect(ManagersError.isInstance(new TradingConfigError('bad', 'x'))).toBe(true);
  });

  it('recognises an error from a second copy of the package by its Symbol.for marker', () => {
    // What another copy (the CJS build beside the ESM one, or a second version) constructs.
    class SecondCopyManagersError extends Error {
      constructor(message: string) {
        super(message);
        Object.defineProperty(this, Symbol.for('precog.managers.ManagersError'), { value: true });
      }
    }
    const other = new SecondCopyManagersError('from the other copy');
    expect(other instanceof ManagersError).toBe(false);
    expect(ManagersError.isInstance(other)).toBe(true);
  });

  it('refuses look-alikes without the marker', () => {
    expect(ManagersError.isInstance(Object.assign(new Error('x'), { name: 'ManagersError' }))).toBe(false);
    expect(ManagersError.isInstance(null)).toBe(false);
    expect(ManagersError.isInstance('ManagersError')).toBe(false);
  });
});
