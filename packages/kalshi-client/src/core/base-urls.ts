/** Which Kalshi exchange to talk to. Keys differ between the two. */
export type KalshiEnvironment = 'demo' | 'prod';

/** Base URLs of the Trade API v2. */
export const KALSHI_BASE_URLS: Readonly<Record<KalshiEnvironment, string>> = Object.freeze({
  prod: 'https://external-api.kalshi.com/trade-api/v2',
  demo: 'https://external-api.demo.kalshi.co/trade-api/v2',
});

/**
 * The one place a base URL is normalised: trailing slashes dropped, so `baseUrl + path` and the
 * signed path never carry `//`. The client calls it once; everything downstream uses its result.
 */
export function normalizeBaseUrl(url: string): string {
  return url.replace(/\/+$/, '');
}
