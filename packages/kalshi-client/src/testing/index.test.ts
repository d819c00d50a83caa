import { expect, it } from 'vitest';
import { TESTING_VERSION } from './index';

it('exposes the testing entry point', () => {
  expect(TESTING_VERSION).toBe('0.0.0');
});
