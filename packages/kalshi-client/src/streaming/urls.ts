import { KALSHI_BASE_URLS, type KalshiEnvironment, normalizeBaseUrl } from '../core/base-urls';

/** WebSocket URLs of the Trade API v2. */
export const KALSHI_WS_URLS: Readonly<Record<KalshiEnvironment, string>> = Object.freeze({
  prod: 'wss://external-api-ws.kalshi.com/trade-api/ws/v2',
  demo: 'wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2',
});

/**
 * The WebSocket URL for a client: `wsUrl` when given; else Kalshi's for a Kalshi base URL (or the
 * environment); else, for another REST base URL ending in `/trade-api/v2` (a fake exchange, a
 * proxy), the same host with `ws(s)://` and `/trade-api/ws/v2`.
 */
export function resolveWsUrl(options: {
  wsUrl?: string | undefined;
  baseUrl?: string | undefined;
  environment?: KalshiEnvironment | undefined;
}): string {
  if (options.wsUrl) return options.wsUrl;
  const environment = options.environment ?? 'demo';
  if (!options.baseUrl) return KALSHI_WS_URLS[environment];
  const base = normalizeBaseUrl(options.baseUrl);
  for (const env of ['demo', 'prod'] as const) if (base === KALSHI_BASE_URLS[env]) return KALSHI_WS_URLS[env];
  return base.replace(/^http/, 'ws').replace(/\/trade-api\/v2$/, '/trade-api/ws/v2');
}
