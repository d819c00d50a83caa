import type { KeyObject } from 'node:crypto';
import type { PrecogConfig, PrecogEnvironment } from './config-types';
import { MissingVariableError } from './errors';

/** Everything needed to sign Kalshi requests. */
export interface KalshiCredentials {
  environment: PrecogEnvironment;
  baseUrl: string;
  apiKeyId: string;
  privateKey: KeyObject;
}

/**
 * Returns the Kalshi credentials of the selected environment, or throws a
 * {@link MissingVariableError} naming exactly the variable(s) to set, e.g.
 * `KALSHI_DEMO_API_KEY_ID or KALSHI_API_KEY_ID is not set; the demo environment needs it …`.
 */
export function requireKalshiCredentials(config: PrecogConfig): KalshiCredentials {
  const { kalshi } = config;
  const ENV = kalshi.environment.toUpperCase();
  if (kalshi.apiKeyId === undefined) {
    throw new MissingVariableError(
      [`KALSHI_${ENV}_API_KEY_ID`, 'KALSHI_API_KEY_ID'],
      kalshi.environment,
      'to sign Kalshi requests',
    );
  }
  if (kalshi.privateKey === undefined) {
    throw new MissingVariableError(
      [`KALSHI_${ENV}_PRIVATE_KEY_PATH`, 'KALSHI_PRIVATE_KEY_PATH', 'KALSHI_PRIVATE_KEY'],
      kalshi.environment,
      'to sign Kalshi requests',
    );
  }
  return {
    environment: kalshi.environment,
    baseUrl: kalshi.baseUrl,
    apiKeyId: kalshi.apiKeyId,
    privateKey: kalshi.privateKey,
  };
}
