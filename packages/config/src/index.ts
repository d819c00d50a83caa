/** The version of this package, as published. */
export const VERSION = '0.0.0';

export type { ConfigOverrides } from './config-overrides';
export type { KalshiSettings, PrecogConfig, PrecogEnvironment } from './config-types';
export { PRECOG_ENVIRONMENTS } from './config-types';
export { type KalshiCredentials, requireKalshiCredentials } from './credentials';
export {
  ConfigError,
  ConfigFileNotFoundError,
  ConfigFileTooLargeError,
  type ConfigIssue,
  ConfigSyntaxError,
  ConfigValidationError,
  type FilePosition,
  LogFileError,
  MAX_CONFIG_FILE_BYTES,
  MissingVariableError,
  PrivateKeyError,
  UnknownConfigKeyError,
} from './errors';
export { type ExplainedValue, explainConfig } from './explain';
export { REDACTED, redactText, redactUrl } from './internal/redact';
export { type LoadConfigOptions, loadConfig } from './load-config';
export {
  createLogger,
  type Logger,
  type LoggerOptions,
  type LogLevel,
  noopLogger,
  type PrecogLogger,
} from './logger';
export type { DataSourcesConfig } from './schemas/data-sources';
export type { MarketsConfig } from './schemas/markets';
export type { PositionManagementConfig } from './schemas/position-management';
export type { ProbabilityModelsConfig } from './schemas/probability-models';
export { SECTION_NAMES, type SectionName } from './schemas/sections';
export type { SystemConfig } from './schemas/system';
export type { TradeStrategiesConfig } from './schemas/trade-strategies';
export type { TradingConfig } from './schemas/trading';
export {
  type KalshiClientSettings,
  type KalshiRateLimitSettings,
  kalshiClientSettings,
  kalshiRateLimitSettings,
  type StoreSettings,
  storeSettings,
} from './settings';
export { type ConfigSource, describeSource } from './sources';
