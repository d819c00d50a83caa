import type { KeyObject } from 'node:crypto';
import type { DataSourcesConfig } from './schemas/data-sources';
import type { MarketsConfig } from './schemas/markets';
import type { PositionManagementConfig } from './schemas/position-management';
import type { ProbabilityModelsConfig } from './schemas/probability-models';
import type { SystemConfig } from './schemas/system';
import type { TradeStrategiesConfig } from './schemas/trade-strategies';
import type { TradingConfig } from './schemas/trading';

/** The exchange environment: `demo` (fake money, the default) or `prod` (real money). */
export type PrecogEnvironment = 'demo' | 'prod';

/** The environments {@link loadConfig} accepts for `PRECOG_ENV`. */
export const PRECOG_ENVIRONMENTS: readonly PrecogEnvironment[] = ['demo', 'prod'];

/** Kalshi connection settings for the selected environment. */
export interface KalshiSettings {
  /** Same as `config.env`. */
  readonly environment: PrecogEnvironment;
  /** REST base URL including `/trade-api/v2` (markets.yaml, or `KALSHI_BASE_URL`). */
  readonly baseUrl: string;
  /** WebSocket URL of the selected environment (markets.yaml). */
  readonly websocketUrl: string;
  /** API key id (`KALSHI_<ENV>_API_KEY_ID`, else `KALSHI_API_KEY_ID`), if set. */
  readonly apiKeyId?: string;
  /** The parsed private key, if one was configured. Never rendered. */
  readonly privateKey?: KeyObject;
  /** Where the key came from: a file path or `KALSHI_PRIVATE_KEY` (never the key text). */
  readonly privateKeySource?: string;
  /**
   * Redis URL of the shared request budget (`KALSHI_RATE_LIMIT_URL`, else markets.yaml
   * `platforms.kalshi.rate_limit.url`), if set. Its password is redacted whenever rendered.
   */
  readonly rateLimitUrl?: string;
}

/** The resolved, validated, deeply frozen configuration. */
export interface PrecogConfig {
  /** The selected environment (`PRECOG_ENV`, default `demo`). */
  readonly env: PrecogEnvironment;
  /**
   * PostgreSQL connection string (`DATABASE_URL`), if set; otherwise the store uses embedded
   * PGlite. Its password is redacted whenever the config is rendered (JSON, inspect, logs).
   */
  readonly databaseUrl?: string;
  readonly kalshi: KalshiSettings;
  /** The configuration directory the YAML files were read from, if it existed. */
  readonly configDir?: string;
  readonly system: SystemConfig;
  readonly trading: TradingConfig;
  readonly trade_strategies: TradeStrategiesConfig;
  readonly position_management: PositionManagementConfig;
  readonly probability_models: ProbabilityModelsConfig;
  readonly markets: MarketsConfig;
  readonly data_sources: DataSourcesConfig;
}
