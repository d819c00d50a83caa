import { ConfigError } from '@precog/config';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { parseNameVersion, runTarget, statusLine } from '../src/commands/run-target';

const base = { paper: false, live: false, environment: 'demo', precogEnv: undefined, confirmProd: false };

describe('precog run: target', () => {
  it('is paper by default and with --paper', () => {
    expect(runTarget(base)).toBe('paper');
    expect(runTarget({ ...base, paper: true })).toBe('paper');
  });
  it('--live trades on demo by default', () => {
    expect(runTarget({ ...base, live: true })).toBe('demo');
  });
  it('--live on prod needs PRECOG_ENV=prod in the environment and --confirm-prod', () => {
    const prod = { ...base, live: true, environment: 'prod' };
    expect(() => runTarget(prod)).toThrow(/PRECOG_ENV=prod/);
    expect(() => runTarget({ ...prod, precogEnv: 'prod' })).toThrow(/--confirm-prod/);
    expect(runTarget({ ...prod, precogEnv: 'prod', confirmProd: true })).toBe('prod');
  });
  it('refuses --paper with --live', () => {
    expect(() => runTarget({ ...base, paper: true, live: true })).toThrow(ConfigError);
  });
});

describe('precog run: arguments and status', () => {
  it('parses name@version and refuses anything else', () => {
    expect(parseNameVersion('nfl-elo-edge@1.0.0', '--strategy')).toEqual({
      name: 'nfl-elo-edge',
      version: '1.0.0',
    });
    expect(() => parseNameVersion('nfl-elo-edge', '--strategy')).toThrow(ConfigError);
    expect(() => parseNameVersion('@1.0', '--model')).toThrow(/--model must be name@version/);
  });
  it('shows positions, P&L today, resting orders and the breaker on one line', () => {
    const line = statusLine(
      {
        positions: 3,
        contracts: new Decimal(120),
        realizedPnlToday: new Decimal('-12.3'),
        restingOrders: 1,
        breaker: 'ok',
      },
      'demo',
    );
    expect(line).toBe('[demo] positions 3 (120 contracts) · P&L today -12.30 · resting 1 · breaker ok');
  });
});
