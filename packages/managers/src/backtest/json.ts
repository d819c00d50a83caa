// The report as one JSON document (`precog backtest --json`): money, counts, prices and scores as
// exact decimal strings, times as ISO 8601 UTC.
import type Decimal from 'decimal.js';
import type { BacktestReport, BacktestTrade } from './report';

/** A fill in the JSON document. */
export interface BacktestTradeJson {
  ticker: string;
  side: 'yes' | 'no';
  count: string;
  price: string;
  fees: string;
  time: string;
}

/** `precog backtest --json`. `trades` are the entries (buys); `exits` the sales before settlement. */
export interface BacktestReportJson {
  strategy: string;
  model: string;
  from: string | null;
  to: string | null;
  versions: number;
  trades: BacktestTradeJson[];
  exits: (BacktestTradeJson & { reason: string })[];
  settlements: {
    ticker: string;
    side: 'yes' | 'no';
    count: string;
    result: 'yes' | 'no';
    payout: string;
    pnl: string;
    time: string;
  }[];
  open: {
    ticker: string;
    side: 'yes' | 'no';
    count: string;
    costBasis: string;
    mark: string | null;
    markValue: string;
    pnl: string;
    markTime: string;
  }[];
  unfilled: Record<string, number>;
  pnl: string;
  fees: string;
  realizedPnl: string;
  unrealizedPnl: string;
  maxDrawdown: string;
  maxExposure: string;
  wins: number;
  losses: number;
  hitRate: string | null;
  brier: { model: string | null; market: string | null; count: number };
  exposure: { time: string; value: string }[];
  equity: { time: string; value: string }[];
}

/** Exact decimal text, never in exponent notation. */
export function decimalText(value: Decimal): string {
  return value.toFixed();
}

const iso = (ms: number) => new Date(ms).toISOString();

function tradeJson(t: BacktestTrade): BacktestTradeJson {
  return {
    ticker: t.ticker,
    side: t.side,
    count: decimalText(t.count),
    price: decimalText(t.price),
    fees: decimalText(t.fees),
    time: iso(t.time),
  };
}

/** The report as the `--json` document. */
export function backtestReportToJson(report: BacktestReport): BacktestReportJson {
  const nullable = (d: Decimal | null) => (d === null ? null : decimalText(d));
  return {
    strategy: report.strategy,
    model: report.model,
    from: report.from?.toISOString() ?? null,
    to: report.to?.toISOString() ?? null,
    versions: report.versions,
    trades: report.trades.filter((t) => t.action === 'buy').map(tradeJson),
    exits: report.trades
      .filter((t) => t.action === 'sell')
      .map((t) => ({ ...tradeJson(t), reason: t.reason })),
    settlements: report.settlements.map((s) => ({
      ticker: s.ticker,
      side: s.side,
      count: decimalText(s.count),
      result: s.result,
      payout: decimalText(s.payout),
      pnl: decimalText(s.pnl),
      time: iso(s.time),
    })),
    open: report.open.map((o) => ({
      ticker: o.ticker,
      side: o.side,
      count: decimalText(o.count),
      costBasis: decimalText(o.costBasis),
      mark: nullable(o.mark),
      markValue: decimalText(o.markValue),
      pnl: decimalText(o.pnl),
      markTime: iso(o.markTime),
    })),
    unfilled: report.unfilled,
    pnl: decimalText(report.pnl),
    fees: decimalText(report.fees),
    realizedPnl: decimalText(report.realizedPnl),
    unrealizedPnl: decimalText(report.unrealizedPnl),
    maxDrawdown: decimalText(report.maxDrawdown),
    maxExposure: decimalText(report.maxExposure),
    wins: report.wins,
    losses: report.losses,
    hitRate: nullable(report.hitRate),
    brier: {
      model: nullable(report.brier.model),
      market: nullable(report.brier.market),
      count: report.brier.count,
    },
    exposure: report.exposure.map((p) => ({ time: iso(p.time), value: decimalText(p.value) })),
    equity: report.equity
      .filter((p) => Number.isFinite(p.time))
      .map((p) => ({ time: iso(p.time), value: decimalText(p.value) })),
  };
}
