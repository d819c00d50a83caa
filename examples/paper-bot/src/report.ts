import type Decimal from 'decimal.js';
import type { PaperBotReport, TradeLine } from './types';

const usd = (d: Decimal) => (d.isNegative() ? `-$${d.abs().toFixed(4)}` : `$${d.toFixed(4)}`);
const pad = (s: string, n: number) => s.padEnd(n);

function tradeRow(t: TradeLine): string {
  const tail = t.condition === undefined ? '' : `  ${pad(t.condition, 14)} exit P&L ${usd(t.realizedPnl!)}`;
  return `  ${pad(t.ticker, 28)} ${pad(t.side.toUpperCase(), 3)} ${pad(t.count.toString(), 4)} @ ${t.price.toFixed(4)}  fee ${usd(t.fees)}${tail}`;
}

/** The human summary printed at the end of a run. Every figure is an exact Decimal (4 dp shown, nothing rounded away: fills are on cent prices). */
export function formatReport(report: PaperBotReport, wallMs: number): string {
  const lines: string[] = [];
  lines.push('');
  lines.push(
    `Paper trading summary (${report.exchange === 'fake' ? 'offline fake exchange' : 'Kalshi demo exchange'})`,
  );
  lines.push(
    `  strategy ${report.strategy.name}@${report.strategy.version} #${report.strategy.id}, model ${report.model.name}@${report.model.version} #${report.model.id}`,
  );
  lines.push(
    `  Elo: ${report.elo.gamesApplied} finished games applied, re-run applied ${report.elo.rerunApplied}`,
  );
  lines.push(
    `  markets ${report.marketsSeen}, edges stored ${report.edgesStored}, entries ${report.entries.length}, exits ${report.exits.length} (${report.exitAttempts} IOC attempts), breaker trips ${report.breakerTrips}`,
  );
  lines.push(
    `  reconciliation with the exchange after exits: ${report.reconciliationsOk} ok, ${report.reconciliationsFailed} differ`,
  );
  lines.push('Entries');
  for (const t of report.entries) lines.push(tradeRow(t));
  lines.push('Exits');
  for (const t of report.exits) lines.push(`${tradeRow(t)}  (tick ${t.tick})`);
  if (report.openAtEnd.length > 0) {
    lines.push('Open at the end (marked at the bid of the side held)');
    for (const p of report.openAtEnd) {
      lines.push(
        `  ${pad(p.ticker, 28)} ${pad(p.side.toUpperCase(), 3)} ${pad(p.quantity.toString(), 4)} bid ${p.bid?.toFixed(4) ?? '—'}  unrealized ${p.unrealizedPnl === null ? '—' : usd(p.unrealizedPnl)}`,
      );
    }
  }
  lines.push('P&L');
  lines.push(`  realized P&L (net of all fees)      ${usd(report.realizedPnl)}`);
  lines.push(`  unrealized P&L (net of exit fee)    ${usd(report.unrealizedPnl)}`);
  lines.push(`  total P&L                           ${usd(report.totalPnl)}`);
  lines.push(`  fees paid                           ${usd(report.feesPaid)}`);
  lines.push(
    `  cash ${usd(report.cashStart)} → ${usd(report.cashEnd)} (change ${usd(report.cashChange)}; equals realized − open cost: ${report.cashCheck ? 'yes' : 'NO'})`,
  );
  lines.push(`  wall time ${(wallMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}
