// The overrides a caller gives loadConfig: their own module, so the internal resolvers can use
// the type without importing load-config (which imports them).
import type { PrecogEnvironment } from './config-types';

/** Explicit values that beat every other layer (the CLI passes its flags here). */
export interface ConfigOverrides {
  /** The environment, as `--env` would set it. */
  env?: PrecogEnvironment;
  /** PostgreSQL connection string, as `DATABASE_URL` would set it. */
  databaseUrl?: string;
  kalshi?: {
    /** REST base URL, as `KALSHI_BASE_URL` would set it. */
    baseUrl?: string;
    /** Redis URL of the shared request budget, as `KALSHI_RATE_LIMIT_URL` would set it. */
    rateLimitUrl?: string;
    apiKeyId?: string;
    /** Path of a PEM private key file. */
    privateKeyPath?: string;
    /** PEM text of the private key (literal `\n` accepted). */
    privateKey?: string;
  };
  /**
   * Section values by file name, nested like the YAML, e.g.
   * `{ trading: { account: { daily_loss_limit_dollars: new Decimal('250') } } }`. Decimal keys
   * take a `Decimal` or an integer, never a float.
   */
  system?: Record<string, unknown>;
  trading?: Record<string, unknown>;
  trade_strategies?: Record<string, unknown>;
  position_management?: Record<string, unknown>;
  probability_models?: Record<string, unknown>;
  markets?: Record<string, unknown>;
  data_sources?: Record<string, unknown>;
}
