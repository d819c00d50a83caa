// Stores for the backtest tests: PGlite always, PostgreSQL when DATABASE_URL is set.
import type { MarketInput, Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { DATABASE_URL, pgliteStore, postgresStores } from './stores';

/** The backends a backtest test runs on. */
export const backtestBackends: string[] = DATABASE_URL === undefined ? ['pglite'] : ['pglite', 'postgres'];

/** A fresh migrated store on `backend`, and its cleanup. */
export async function openBacktestStore(
  backend: string,
): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (backend === 'pglite') {
    const store = await pgliteStore();
    return { store, dispose: () => store.close() };
  }
  const { stores, dispose } = await postgresStores(1);
  return { store: stores[0] as Store, dispose };
}

/** A market version: YES book given, NO book mirrored (no_bid = 1 − yes_ask, no_ask = 1 − yes_bid). */
export function book(
  ticker: string,
  yesBid: string | null,
  yesAsk: string | null,
  over: Partial<MarketInput> = {},
): MarketInput {
  const mirror = (p: string | null) => (p === null ? null : new Decimal(1).minus(p).toFixed());
  return {
    ticker,
    eventTicker: ticker.split('-')[0] ?? ticker,
    status: 'active',
    yesBid,
    yesAsk,
    noBid: mirror(yesAsk),
    noAsk: mirror(yesBid),
    ...over,
  };
}

/** Writes versions one call at a time, each at its own timestamp (ids then follow this order). */
export async function writeHistory(
  store: Store,
  versions: readonly (readonly [string, MarketInput])[],
): Promise<void> {
  for (const [at, row] of versions) await store.markets.upsertVersions([row], { at: new Date(at) });
}
