import { describe, expect, it } from 'vitest';
import { CurrentCache } from './current-cache';

describe('CurrentCache', () => {
  // Encoded rows: [key, price, json, payload]; key 1 column, tracked 2.
  it('matches identical tracked values only, ignoring payload columns, and compares JSON by text', () => {
    const cache = new CurrentCache(1, 2);
    cache.record([['a', ['a', '0.5000', { x: 1 }, { ignored: true }]]], 10);
    expect(cache.matches('a', ['a', '0.5000', { x: 1 }, null])).toBe(true);
    expect(cache.matches('a', ['a', '0.5', { x: 1 }, null])).toBe(false);
    expect(cache.matches('a', ['a', '0.5000', { x: 2 }, null])).toBe(false);
    expect(cache.matches('a', ['a', '0.5000', null, null])).toBe(false);
    expect(cache.matches('b', ['b', '0.5000', { x: 1 }, null])).toBe(false);
  });

  it('trusts its entries only for the max id it recorded, and forgets everything on clear', () => {
    const cache = new CurrentCache(1, 1);
    expect(cache.known).toBe(false);
    expect(cache.validFor(null)).toBe(false);
    cache.record([['a', ['a', 'x']]], 10);
    expect([cache.known, cache.validFor(10), cache.validFor(11)]).toEqual([true, true, false]);
    cache.clear();
    expect([cache.known, cache.matches('a', ['a', 'x'])]).toEqual([false, false]);
  });

  it('starts over past its size limit', () => {
    const cache = new CurrentCache(1, 1, 2);
    cache.record(
      [
        ['a', ['a', 'x']],
        ['b', ['b', 'y']],
      ],
      1,
    );
    cache.record([['c', ['c', 'z']]], 2);
    expect([cache.matches('a', ['a', 'x']), cache.matches('c', ['c', 'z'])]).toEqual([false, true]);
  });
});
