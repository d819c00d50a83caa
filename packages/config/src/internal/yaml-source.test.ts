import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigSyntaxError } from '../errors';
import { parseYaml, parseYamlValue } from './yaml-source';

describe('parseYaml', () => {
  it('builds decimals from the literal text, beyond what a double can hold', () => {
    const { data } = parseYaml('a: 0.12345678901234567890123\nb: 10000.00\nc: 1e-7\nd: 42\ne: -0.03\n', 't');
    const values = data as Record<string, unknown>;
    expect((values.a as Decimal).toString()).toBe('0.12345678901234567890123');
    expect((values.b as Decimal).toString()).toBe('10000');
    expect((values.c as Decimal).toString()).toBe('1e-7');
    expect(values.d).toBe(42);
    expect((values.e as Decimal).toString()).toBe('-0.03');
  });

  it('round-trips any decimal literal exactly', () => {
    const literal = fc
      .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.stringMatching(/^\d{1,25}$/))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}.${fraction}`);
    fc.assert(
      fc.property(literal, (text) => {
        const value = (parseYaml(`x: ${text}\n`, 't').data as { x: Decimal }).x;
        expect(Decimal.isDecimal(value)).toBe(true);
        expect(value.equals(new Decimal(text))).toBe(true);
      }),
    );
  });

  it('keeps quoted numbers as strings, and special floats as numbers', () => {
    const values = parseYaml('a: "0.5"\nb: .inf\nc: 0x1F\n', 't').data as Record<string, unknown>;
    expect(values).toEqual({ a: '0.5', b: Number.POSITIVE_INFINITY, c: 31 });
  });

  it('locates key paths by line and column', () => {
    const parsed = parseYaml('# c\nouter:\n  inner:\n    - x\n    - y\n', 't');
    expect(parsed.positionOf(['outer', 'inner'])).toEqual({ line: 4, column: 5 });
    expect(parsed.positionOf(['outer', 'inner', 1])).toEqual({ line: 5, column: 7 });
    expect(parsed.positionOf(['nope'])).toBeUndefined();
  });

  it('treats an empty text as an empty mapping', () => {
    expect(parseYaml('', 't').data).toEqual({});
    expect(parseYaml('# only a comment\n', 't').data).toEqual({});
  });

  it('rejects duplicate keys at their position', () => {
    expect(() => parseYaml('a: 1\na: 2\n', 'f.yaml')).toThrow(ConfigSyntaxError);
    expect(() => parseYaml('a: 1\na: 2\n', 'f.yaml')).toThrow(
      /^f\.yaml:2:1: invalid YAML: Map keys must be unique/,
    );
  });
});

describe('parseYamlValue', () => {
  it('reads a variable value as a YAML scalar or flow collection', () => {
    expect(parseYamlValue('true', 'v')).toBe(true);
    expect(parseYamlValue('12', 'v')).toBe(12);
    expect((parseYamlValue('0.5', 'v') as Decimal).toString()).toBe('0.5');
    expect(parseYamlValue('[a, b]', 'v')).toEqual(['a', 'b']);
    expect(parseYamlValue('', 'v')).toBe('');
    expect(parseYamlValue('plain text', 'v')).toBe('plain text');
  });
});
