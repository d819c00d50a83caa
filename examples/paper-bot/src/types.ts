// What a run is given and what it reports.
import type { KalshiClient } from '@precog/kalshi-client';
import type { StoreOptions } from '@precog/scd2-store';
import type Decimal from 'decimal.js';

/** Options of {@link runPaperBot}. */
export interface PaperBotOptions {
  /** Price ticks to simulate (offline) or polls (live). Default 12. */
  ticks?: number;
  /** Seed of the offline price moves. Default 7. */
  seed?: number;
  /** PostgreSQL URL; default an in-memory PGlite database. */
  databaseUrl?: string | undefined;
  /**
   * The other `openStore` options: `pnpm paper-bot` passes `storeSettings(config)`, the
   * `system.yaml` `database.*` settings (pool, timeouts, TLS). Default: none.
   */
  storeOptions?: Omit<StoreOptions, 'databaseUrl'> | undefined;
  /** Starting cash on the fake exchange, dollars. Default 1000. */
  balance?: string;
  /** Live mode: a signed client on the Kalshi demo exchange instead of the fake one. */
  live?: { client: KalshiClient; pollMs: number } | undefined;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** One trade of the run, for the summary. */
export interface TradeLine {
  ticker: string;
  side: string;
  action: 'buy' | 'sell';
  count: Decimal;
  /** Volume-weighted price in the side's space. */
  price: Decimal;
  fees: Decimal;
  /** Exit rule, for sells. */
  condition?: string;
  /** Net realized P&L of that exit. */
  realizedPnl?: Decimal;
  tick: number;
}

/** What a run did, with exact figures. */
export interface PaperBotReport {
  exchange: 'fake' | 'demo';
  strategy: { id: number; name: string; version: string };
  model: { id: number; name: string; version: string };
  elo: { gamesApplied: number; rerunApplied: number; regressions: number };
  marketsSeen: number;
  edgesStored: number;
  entries: TradeLine[];
  exits: TradeLine[];
  exitAttempts: number;
  reconciliationsOk: number;
  reconciliationsFailed: number;
  openAtEnd: {
    ticker: string;
    side: string;
    quantity: Decimal;
    bid: Decimal | null;
    unrealizedPnl: Decimal | null;
  }[];
  realizedPnl: Decimal;
  unrealizedPnl: Decimal;
  feesPaid: Decimal;
  cashStart: Decimal;
  cashEnd: Decimal;
  /** cash end − cash start: equals realized P&L of closed positions − cost and entry fees of open ones. */
  cashChange: Decimal;
  /** realized P&L + unrealized P&L (net of estimated exit fees). */
  totalPnl: Decimal;
  cashCheck: boolean;
  breakerTrips: number;
}
