import { KALSHI_BASE_URLS } from '@precog/kalshi-client';
import type { LayeredTree } from './layers';

/**
 * The Kalshi REST base URLs are defined once, in `@precog/kalshi-client` (`KALSHI_BASE_URLS`):
 * this built-in default layer puts them under `markets.platforms.kalshi.environments.<env>.base_url`,
 * where `markets.yaml` and `KALSHI_BASE_URL` may still override them.
 */
export function applyKalshiDefaults(tree: LayeredTree): void {
  for (const env of ['demo', 'prod'] as const) {
    tree.apply(
      ['markets', 'platforms', 'kalshi', 'environments', env, 'base_url'],
      KALSHI_BASE_URLS[env],
      () => ({
        kind: 'default',
      }),
    );
  }
}
