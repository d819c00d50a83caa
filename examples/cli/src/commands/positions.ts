// `precog positions list|show`: positions as the store keeps them (SCD2 versions under a stable
// position_key), with their exits and exit attempts.
import { PositionManager, type StoredPosition } from '@precog/managers';
import type { Command } from 'commander';
import { Option } from 'commander';
import { loadCliContext } from '../cli/context';
import { UsageError } from '../cli/exit-codes';
import { formatTable, printResult } from '../cli/output';
import { runAction } from '../cli/run-action';
import { openCliStore } from '../cli/store';

/** The figures of one stored position, as printed and as `--json` returns them (Decimals as strings). */
function summary(s: StoredPosition) {
  const p = s.position;
  return {
    positionKey: p.positionKey,
    ticker: p.ticker,
    side: p.side,
    status: p.status,
    quantity: p.quantity,
    entryQuantity: p.entryQuantity,
    avgEntryPrice: p.avgEntryPrice,
    costBasis: p.costBasis,
    feesPaid: p.feesPaid,
    realizedPnl: p.realizedPnl,
    bid: s.mark?.bid ?? null,
    unrealizedPnl: s.mark?.unrealizedPnl ?? null,
    stopLossPrice: s.stopLossPrice,
    targetPrice: s.targetPrice,
    trailingStop:
      s.trailingStop === null
        ? null
        : {
            active: s.trailingStop.active,
            stop: s.trailingStop.currentStopPrice,
            peak: s.trailingStop.peakPrice,
          },
    strategyId: s.strategyId,
    modelId: s.modelId,
    exit: s.exit,
    openedAt: new Date(p.openedAt),
    closedAt: p.closedAt === null ? null : new Date(p.closedAt),
  };
}

const str = (v: { toString(): string } | null | undefined) => (v == null ? '' : v.toString());

/** Registers `precog positions list` and `precog positions show`. */
export function register(program: Command): void {
  const positions = program
    .command('positions')
    .description('positions on the store, with stops, exits and P&L');

  positions
    .command('list')
    .description('current version of each position (open ones by default)')
    .addOption(
      new Option('--status <status>', 'which positions').choices(['open', 'closed', 'all']).default('open'),
    )
    .action(
      runAction(async (options: { status: 'open' | 'closed' | 'all' }, command: Command) => {
        const context = loadCliContext(command);
        const opened = await openCliStore(context, { migrate: true });
        try {
          const manager = new PositionManager(opened.store);
          const all = options.status === 'open' ? await manager.open() : await manager.all();
          const rows = all
            .filter((s) => options.status === 'all' || s.position.status === options.status)
            .map(summary);
          printResult(context.options, rows, (data) =>
            data.length === 0
              ? `no ${options.status === 'all' ? '' : `${options.status} `}positions`
              : formatTable(
                  [
                    'TICKER',
                    'SIDE',
                    'QTY',
                    'AVG ENTRY',
                    'BID',
                    'STOP',
                    'REALIZED',
                    'UNREALIZED',
                    'STATUS',
                    'KEY',
                  ],
                  data.map((r) => [
                    r.ticker,
                    r.side.toUpperCase(),
                    r.quantity.toString(),
                    r.avgEntryPrice.toDecimalPlaces(4).toString(),
                    str(r.bid),
                    str(r.trailingStop?.stop ?? r.stopLossPrice),
                    r.realizedPnl.toString(),
                    str(r.unrealizedPnl),
                    r.exit === null ? r.status : `${r.status} (${r.exit.condition})`,
                    r.positionKey,
                  ]),
                ),
          );
        } finally {
          await opened.close();
        }
      }),
    );

  positions
    .command('show')
    .description('one position: every version, its exits and every exit attempt')
    .argument('<positionKey>', 'the position key (see `precog positions list`)')
    .action(
      runAction(async (positionKey: string, _options: unknown, command: Command) => {
        const context = loadCliContext(command);
        const opened = await openCliStore(context, { migrate: true });
        try {
          const manager = new PositionManager(opened.store);
          const history = await manager.history(positionKey);
          if (history.length === 0) throw new UsageError(`no position with key ${positionKey}`);
          const exits = await opened.store.positionExits.list({ positionKey });
          const attempts = await opened.store.exitAttempts.list({ positionKey });
          const data = {
            current: summary(history.at(-1)!),
            versions: history.map((h) => ({
              from: h.version?.start,
              to: h.version?.end ?? null,
              ...summary(h),
            })),
            exits,
            attempts,
          };
          printResult(context.options, data, (d) => {
            const c = d.current;
            return [
              `${c.positionKey}: ${c.side.toUpperCase()} ${c.ticker}, ${c.status}`,
              `  quantity ${c.quantity} (bought ${c.entryQuantity}), average entry ${c.avgEntryPrice}, cost ${c.costBasis}`,
              `  net realized P&L ${c.realizedPnl} (fees ${c.feesPaid}), unrealized ${str(c.unrealizedPnl) || '—'} at bid ${str(c.bid) || '—'}`,
              `  strategy ${c.strategyId ?? '—'}, model ${c.modelId ?? '—'}, stop loss ${str(c.stopLossPrice) || '—'}, target ${str(c.targetPrice) || '—'}`,
              `  trailing stop ${c.trailingStop === null ? '—' : c.trailingStop.active ? `${str(c.trailingStop.stop)} (peak ${str(c.trailingStop.peak)})` : 'not armed'}`,
              'versions:',
              formatTable(
                ['FROM', 'QTY', 'BID', 'STOP', 'REALIZED', 'STATUS'],
                d.versions.map((v) => [
                  v.from?.toISOString() ?? '',
                  v.quantity.toString(),
                  str(v.bid),
                  str(v.trailingStop?.stop),
                  v.realizedPnl.toString(),
                  v.status,
                ]),
              ),
              'exits:',
              ...(d.exits.length === 0
                ? ['  none']
                : d.exits.map(
                    (e) =>
                      `  ${e.exitedAt.toISOString()}  ${e.exitCondition} (${e.exitPriority}) ${e.quantityExited} @ ${e.exitPrice}, P&L ${str(e.realizedPnl)}`,
                  )),
              'exit attempts:',
              ...(d.attempts.length === 0
                ? ['  none']
                : d.attempts.map(
                    (a) =>
                      `  #${a.attemptNumber} ${a.orderType} ${a.quantity} @ ${str(a.limitPrice)} → ${a.success ? `filled @ ${str(a.fillPrice)}` : 'no fill'}${a.orderId ? ` (order ${a.orderId})` : ''}`,
                  )),
            ].join('\n');
          });
        } finally {
          await opened.close();
        }
      }),
    );
}
