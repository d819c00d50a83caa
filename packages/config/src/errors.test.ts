import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigSyntaxError } from './errors';

describe('ConfigError.isInstance', () => {
  it("recognises this copy's errors and their subclasses", () => {
    expect(ConfigError.isInstance(new ConfigError('x'))).toBe(true);
    expect(ConfigError.isInstance(new ConfigSyntaxError('f.yaml', 'bad'))).toBe(true);
  });

  it('recognises an error from a second copy of the package by its Symbol.for marker', () => {
    // What another copy (the CJS build beside the ESM one, or a second version) constructs.
    class SecondCopyConfigError extends Error {
      constructor(message: string) {
        super(message);
        Object.defineProperty(this, Symbol.for('precog.config.ConfigError'), { value: true });
      }
    }
    const other = new SecondCopyConfigError('from the other copy');
    expect(other instanceof ConfigError).toBe(false);
    expect(ConfigError.isInstance(other)).toBe(true);
  });

  it('refuses look-alikes without the marker', () => {
    expect(ConfigError.isInstance(Object.assign(new Error('x'), { name: 'ConfigError' }))).toBe(false);
    expect(ConfigError.isInstance(null)).toBe(false);
    expect(ConfigError.isInstance('ConfigError')).toBe(false);
  });
});
