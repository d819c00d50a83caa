import { describe, expect, it } from 'vitest';
import { LifecycleTransitionError, MigrationChangedError, StoreError } from './errors';

describe('StoreError.isInstance', () => {
  it("recognises this copy's errors and their subclasses", () => {
    expect(StoreError.isInstance(new StoreError('x'))).toBe(true);
    expect(StoreError.isInstance(new MigrationChangedError('changed'))).toBe(true);
  });

  it('recognises an error from a second copy of the package by its Symbol.for marker', () => {
    // What another copy (the CJS build beside the ESM one, or a second version) constructs.
    class SecondCopyStoreError extends Error {
      constructor(message: string) {
        super(message);
        Object.defineProperty(this, Symbol.for('precog.scd2-store.StoreError'), { value: true });
      }
    }
    const other = new SecondCopyStoreError('from the other copy');
    expect(other instanceof StoreError).toBe(false);
    expect(StoreError.isInstance(other)).toBe(true);
  });

  it('refuses look-alikes without the marker', () => {
    expect(StoreError.isInstance(Object.assign(new Error('x'), { name: 'StoreError' }))).toBe(false);
    expect(StoreError.isInstance(null)).toBe(false);
    expect(StoreError.isInstance('StoreError')).toBe(false);
  });
});

describe('LifecycleTransitionError.isInstance', () => {
  it('recognises its own class only, from any copy', () => {
    expect(LifecycleTransitionError.isInstance(new LifecycleTransitionError('deprecated → active'))).toBe(
      true,
    );
    expect(LifecycleTransitionError.isInstance(new StoreError('x'))).toBe(false);
    const other = Object.defineProperty(
      new Error('other copy'),
      Symbol.for('precog.scd2-store.LifecycleTransitionError'),
      {
        value: true,
      },
    );
    expect(LifecycleTransitionError.isInstance(other)).toBe(true);
  });
});
