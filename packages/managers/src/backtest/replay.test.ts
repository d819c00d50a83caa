// replayMarketHistory: every field exactly as stored, in (start, id) order across pages (ties at
// one timestamp included), versions valid at `from` replayed at `from`, `to` exclusive.
import type { Store } from '@precog/scd2-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backtestBackends, book, openBacktestStore, writeHistory } from '../__fixtures__/backtest-stores';
import { type ReplayedMarket, replayMarketHistory } from './replay';

const plain = (m: ReplayedMarket) => [
  m.ticker,
  m.eventTicker,
  m.status,
  ...[m.yesBid, m.yesAsk, m.noBid, m.noAsk, m.lastPrice, m.volume, m.yesBidSize, m.yesAskSize].map(
    (d) => d?.toFixed() ?? null,
  ),
  m.result,
  m.closeTime === null ? null : new Date(m.closeTime).toISOString(),
  new Date(m.time).toISOString(),
];

describe.each(backtestBackends)('replayMarketHistory on %s', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openBacktestStore(backend));
    await writeHistory(store, [
      [
        '2026-05-01T00:00:00.000001Z',
        book('KXR-1', '0.123456', '0.13', {
          lastPrice: '0.125',
          volume: '1234.5',
          metadata: { yes_bid_size_fp: '40.00', yes_ask_size_fp: '7.50', close_time: '2026-05-03T18:00:00Z' },
        }),
      ],
      ['2026-05-01T00:00:00.000001Z', book('KXR-2', null, '1')],
      ['2026-05-02T00:00:00Z', book('KXR-1', '0', '0.14', { status: 'closed' })],
      ['2026-05-03T00:00:00Z', book('KXR-1', null, null, { status: 'settled', result: 'no' })],
    ]);
  });
  afterAll(async () => {
    await dispose?.();
  });

  const all = async (options: Parameters<typeof replayMarketHistory>[1]) => {
    const out: unknown[] = [];
    for await (const page of replayMarketHistory(store, options)) out.push(...page.map(plain));
    return out;
  };

  it('reads every field exactly, in time order, one version per page', async () => {
    expect(await all({ pageSize: 1 })).toEqual([
      [
        'KXR-1',
        'KXR',
        'active',
        '0.123456',
        '0.13',
        '0.87',
        '0.876544',
        '0.125',
        '1234.5',
        '40',
        '7.5',
        '',
        '2026-05-03T18:00:00.000Z',
        '2026-05-01T00:00:00.000Z',
      ],
      [
        'KXR-2',
        'KXR',
        'active',
        null,
        '1',
        '0',
        null,
        null,
        null,
        null,
        null,
        '',
        null,
        '2026-05-01T00:00:00.000Z',
      ],
      [
        'KXR-1',
        'KXR',
        'closed',
        '0',
        '0.14',
        '0.86',
        '1',
        null,
        null,
        null,
        null,
        '',
        null,
        '2026-05-02T00:00:00.000Z',
      ],
      [
        'KXR-1',
        'KXR',
        'settled',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        'no',
        null,
        '2026-05-03T00:00:00.000Z',
      ],
    ]);
  });

  it('replays the versions valid at from at from, and stops before to', async () => {
    const rows = (await all({
      from: new Date('2026-05-01T12:00:00Z'),
      to: new Date('2026-05-03T00:00:00Z'),
      pageSize: 2,
    })) as string[][];
    expect(rows.map((r) => [r[0], r[2], r[13]])).toEqual([
      ['KXR-1', 'active', '2026-05-01T12:00:00.000Z'],
      ['KXR-2', 'active', '2026-05-01T12:00:00.000Z'],
      ['KXR-1', 'closed', '2026-05-02T00:00:00.000Z'],
    ]);
  });
});
