import { ConfigError, type PrecogConfig, redactUrl } from '@precog/config';
import type { Logger } from '@precog/kalshi-client';

/** Why a prod base URL looks wrong (plain http, or Kalshi's demo host), or undefined. */
export function prodUrlProblem(baseUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return undefined; // @precog/config already refuses a base URL that is not http(s)
  }
  if (url.protocol === 'http:') return 'is plain http (no TLS)';
  if (/(^|\.)demo\.kalshi\.co$/i.test(url.hostname)) return "is Kalshi's demo exchange";
  return undefined;
}

/**
 * `--env prod` means real money: a base URL that is plain http or the demo exchange is most likely
 * a leftover KALSHI_BASE_URL. Refused unless `--force`; with it, a warning.
 */
export function guardProdBaseUrl(config: PrecogConfig, force: boolean, logger: Logger): void {
  const { environment, baseUrl } = config.kalshi;
  if (environment !== 'prod') return;
  const problem = prodUrlProblem(baseUrl);
  if (problem === undefined) return;
  const message = `environment prod, but the Kalshi base URL ${redactUrl(baseUrl)} ${problem}`;
  if (!force) throw new ConfigError(`${message}; fix KALSHI_BASE_URL / --base-url, or pass --force`);
  logger.warn({ baseUrl: redactUrl(baseUrl), environment }, `${message} (--force: going on)`);
}
