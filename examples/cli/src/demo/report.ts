// What the demo prints about the store: plain text tables built from the stored rows.
import type { Store } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { formatTable } from '../cli/output';

/** Dollars with cents, or every stored digit when there are more (never rounded). */
export function dollars(value: Decimal | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return value.decimalPlaces() <= 2 ? `$${value.toFixed(2)}` : `$${value.toString()}`;
}

/** A price or count as stored (exact; at least two decimals for fractions such as prices). */
export function exact(value: Decimal | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return !value.isInteger() && value.decimalPlaces() < 2 ? value.toFixed(2) : value.toString();
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

/** Balance, open positions, latest fills, settlements and market counts. */
export async function describeStore(
  store: Store,
  options: { fills: number; positions: number },
): Promise<string> {
  const lines: string[] = [];
  const [balance] = await store.accountBalance.current();
  lines.push(
    `Balance: ${dollars(balance?.balance)} cash, ${dollars(balance?.portfolioValue)} in positions at market`,
  );

  const open = (await store.positions.current({ status: 'open' })).sort(
    (a, b) => b.quantity.comparedTo(a.quantity) || a.ticker.localeCompare(b.ticker),
  );
  lines.push('', `Open positions: ${open.length} (largest ${Math.min(open.length, options.positions)})`);
  lines.push(
    indent(
      formatTable(
        ['ticker', 'side', 'contracts', 'cost', 'fees', 'position key'],
        open
          .slice(0, options.positions)
          .map((p) => [
            p.ticker,
            p.side ?? '',
            exact(p.quantity),
            dollars(p.marketExposure),
            dollars(p.feesPaid),
            p.positionKey,
          ]),
      ),
    ),
  );

  const count = await store.query<{ n: string; contracts: Decimal | null; fees: Decimal | null }>(
    'SELECT count(*)::text AS n, sum(quantity) AS contracts, sum(fees) AS fees FROM trades',
  );
  const totals = count.rows[0];
  const latest = await store.query<{
    executed_at: Date;
    ticker: string;
    action: string;
    side: string;
    quantity: Decimal;
    price: Decimal;
    fees: Decimal;
  }>(
    'SELECT executed_at, ticker, action, side, quantity, price, fees FROM trades ORDER BY executed_at DESC, external_trade_id LIMIT $1',
    [options.fills],
  );
  lines.push(
    '',
    `Fills: ${totals?.n ?? 0} stored (${exact(totals?.contracts ?? new Decimal(0))} contracts, ${dollars(totals?.fees ?? new Decimal(0))} fees); latest ${latest.rows.length}:`,
  );
  lines.push(
    indent(
      formatTable(
        ['time (UTC)', 'ticker', 'action', 'side', 'contracts', 'price', 'fee'],
        latest.rows.map((f) => [
          f.executed_at.toISOString().slice(0, 19).replace('T', ' '),
          f.ticker,
          f.action,
          f.side,
          exact(f.quantity),
          exact(f.price),
          dollars(f.fees),
        ]),
      ),
    ),
  );

  const settlements = await store.settlements.list();
  lines.push('', `Settlements: ${settlements.length}`);
  if (settlements.length > 0) {
    lines.push(
      indent(
        formatTable(
          ['settled (UTC)', 'ticker', 'result', 'revenue'],
          settlements.map((s) => [
            s.settledAt.toISOString().slice(0, 19).replace('T', ' '),
            s.ticker,
            s.marketResult,
            dollars(s.revenue),
          ]),
        ),
      ),
    );
  }

  const markets = await store.query<{ status: string; n: string; events: string }>(
    `SELECT status, count(*)::text AS n, count(DISTINCT event_ticker)::text AS events
       FROM markets WHERE row_current_ind GROUP BY status ORDER BY status`,
  );
  const total = markets.rows.reduce((sum, r) => sum + Number(r.n), 0);
  lines.push(
    '',
    `Markets: ${total} stored (${markets.rows.map((r) => `${r.n} ${r.status} in ${r.events} events`).join(', ') || 'none'})`,
  );
  return lines.join('\n');
}

/** Every stored version of one market, oldest first. */
export async function describeMarketHistory(store: Store, ticker: string): Promise<string> {
  const versions = await store.markets.history({ ticker });
  const time = (d: Date | null) => (d === null ? 'current' : d.toISOString().slice(11, 23));
  return [
    `SCD2 history of ${ticker} (${versions.length} version${versions.length === 1 ? '' : 's'}):`,
    indent(
      formatTable(
        ['#', 'valid from', 'valid to', 'status', 'yes bid', 'yes ask', 'last'],
        versions.map((v, i) => [
          String(i + 1),
          time(v.rowStartTs),
          time(v.rowEndTs),
          v.status,
          exact(v.yesBid),
          exact(v.yesAsk),
          exact(v.lastPrice),
        ]),
      ),
    ),
  ].join('\n');
}

/** Every stored version of the positions of one market, oldest first. */
export async function describePositionHistory(store: Store, ticker: string): Promise<string> {
  const result = await store.query<{
    position_key: string;
    status: string;
    quantity: Decimal;
    realized_pnl: Decimal | null;
    row_current_ind: boolean;
  }>(
    'SELECT position_key, status, quantity, realized_pnl, row_current_ind FROM positions WHERE ticker = $1 ORDER BY row_start_ts, id',
    [ticker],
  );
  return [
    `Position versions of ${ticker}:`,
    indent(
      formatTable(
        ['position key', 'status', 'contracts', 'realized P&L before fees', 'current'],
        result.rows.map((r) => [
          r.position_key,
          r.status,
          exact(r.quantity),
          dollars(r.realized_pnl),
          r.row_current_ind ? 'yes' : 'no',
        ]),
      ),
    ),
  ].join('\n');
}
