// `precog run`: where the engine trades (paper, demo, prod) and the checks before real money, and
// the status line. Pure functions, tested on their own.
import { ConfigError } from '@precog/config';
import type { EngineStatus } from '@precog/managers';

/** `name@version`, as `--strategy` and `--model` take it. */
export interface NameVersion {
  name: string;
  version: string;
}

/** Parses `name@version` (the last `@` splits), refusing anything else with a {@link ConfigError}. */
export function parseNameVersion(value: string, option: string): NameVersion {
  const at = value.lastIndexOf('@');
  const name = value.slice(0, at);
  const version = value.slice(at + 1);
  if (at <= 0 || version === '' || /\s/.test(value)) {
    throw new ConfigError(`${option} must be name@version (for example nfl-elo-edge@1.0.0), got "${value}"`);
  }
  return { name, version };
}

/** Where `precog run` trades. */
export type RunTarget = 'paper' | 'demo' | 'prod';

/** What decides the target. */
export interface RunTargetParams {
  paper: boolean;
  live: boolean;
  /** The configured environment (`demo` unless PRECOG_ENV / --env say otherwise). */
  environment: string;
  /** `PRECOG_ENV` as set in the process environment. */
  precogEnv: string | undefined;
  /** `--confirm-prod`. */
  confirmProd: boolean;
}

/**
 * `--paper` (the default) trades on the fake exchange; `--live` on the configured exchange: the
 * demo exchange by default, prod only when PRECOG_ENV=prod is set in the environment (a
 * `--env prod` flag alone is not enough) AND `--confirm-prod` is given. Anything else is refused
 * with a {@link ConfigError} before a connection is made.
 */
export function runTarget(params: RunTargetParams): RunTarget {
  if (params.paper && params.live) throw new ConfigError('give --paper or --live, not both');
  if (!params.live) return 'paper';
  if (params.environment !== 'prod') return 'demo';
  if (params.precogEnv !== 'prod') {
    throw new ConfigError(
      'live trading on prod needs PRECOG_ENV=prod in the environment (not only --env prod)',
    );
  }
  if (!params.confirmProd) {
    throw new ConfigError('live trading on prod moves real money: add --confirm-prod to go ahead');
  }
  return 'prod';
}

/** One status line: `positions 3 (120 contracts) · P&L today +12.34 · resting 1 · breaker ok`. */
export function statusLine(status: EngineStatus, target: RunTarget): string {
  const pnl = status.realizedPnlToday;
  const signed = `${pnl.isNegative() ? '' : '+'}${pnl.toFixed(2)}`;
  return (
    `[${target}] positions ${status.positions} (${status.contracts.toString()} contracts)` +
    ` · P&L today ${signed} · resting ${status.restingOrders} · breaker ${status.breaker}`
  );
}
