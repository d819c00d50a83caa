import { describe, expect, it } from 'vitest';
import { KC, LV, makeExchange, manualClock, send } from './__fixtures__/harness';

const T0 = Date.parse('2026-11-20T12:00:00Z');

function exchangeWithFills() {
  const clock = manualClock();
  const exchange = makeExchange(clock, {
    rateLimit: false,
    fills: [1, 2, 3, 4].map((i) => ({
      ticker: KC,
      side: 'bid' as const,
      count: '1',
      price: '0.60',
      fee: '0.01',
      fillId: `f-${i}`,
      orderId: `o-${i}`,
      time: T0 + i * 60_000,
    })),
  });
  return { clock, exchange };
}

describe('fake exchange historical cutoff', () => {
  it('serves nothing as historical until the cutoff moves', async () => {
    const { clock, exchange } = exchangeWithFills();
    const cutoff = await send(exchange, clock, 'GET', '/historical/cutoff');
    expect(cutoff.json.trades_created_ts).toBe('1970-01-01T00:00:00Z');
    expect((await send(exchange, clock, 'GET', '/historical/fills')).json.fills).toEqual([]);
    expect((await send(exchange, clock, 'GET', '/portfolio/fills')).json.fills).toHaveLength(4);
  });

  it('splits fills at trades_created_ts: older ones only under /historical/fills', async () => {
    const { clock, exchange } = exchangeWithFills();
    exchange.setHistoricalCutoff({ tradesCreated: T0 + 3 * 60_000 });
    const cutoff = await send(exchange, clock, 'GET', '/historical/cutoff');
    expect(cutoff.json.trades_created_ts).toBe('2026-11-20T12:03:00Z');
    const live = await send(exchange, clock, 'GET', '/portfolio/fills');
    const old = await send(exchange, clock, 'GET', '/historical/fills?limit=1');
    expect(live.json.fills.map((f: { fill_id: string }) => f.fill_id)).toEqual(['f-4', 'f-3']);
    expect(old.json.fills.map((f: { fill_id: string }) => f.fill_id)).toEqual(['f-2']);
    const next = await send(exchange, clock, 'GET', `/historical/fills?limit=1&cursor=${old.json.cursor}`);
    expect(next.json.fills.map((f: { fill_id: string }) => f.fill_id)).toEqual(['f-1']);
  });

  it('sends a fill with its wire override on both sides, and the true body once cleared', async () => {
    const { clock, exchange } = exchangeWithFills();
    exchange.setFillWire('f-2', { fee_cost: '0.020000', created_time: undefined });
    const live = await send(exchange, clock, 'GET', '/portfolio/fills?limit=1000');
    const f2 = live.json.fills.find((f: { fill_id: string }) => f.fill_id === 'f-2');
    expect(f2.fee_cost).toBe('0.020000');
    expect('created_time' in f2).toBe(false);
    exchange.setHistoricalCutoff({ tradesCreated: T0 + 3 * 60_000 });
    const old = await send(exchange, clock, 'GET', '/historical/fills');
    expect(old.json.fills[0].fee_cost).toBe('0.020000');
    exchange.setFillWire('f-2');
    const cleared = await send(exchange, clock, 'GET', '/historical/fills');
    expect(cleared.json.fills[0].fee_cost).toBe('0.010000');
  });
});

describe('fake exchange archive of settled positions and markets', () => {
  const DEN = 'KXNFLGAME-26NOV30DENBUF-DEN';
  function exchangeWithPositions() {
    const clock = manualClock(T0);
    const exchange = makeExchange(clock, {
      rateLimit: false,
      positions: [
        { ticker: KC, position: '10', marketExposure: '6', realizedPnl: '0.5', feesPaid: '0.17' },
        { ticker: LV, position: '-3', marketExposure: '1.2' },
        { ticker: DEN, position: '2', marketExposure: '1' },
      ],
    });
    exchange.addMarket({
      ticker: DEN,
      eventTicker: 'KXNFLGAME-26NOV30DENBUF',
      yesBid: '0.48',
      yesAsk: '0.50',
    });
    return { clock, exchange };
  }
  const tickers = (body: { market_positions?: { ticker: string }[]; markets?: { ticker: string }[] }) =>
    (body.market_positions ?? body.markets ?? []).map((p) => p.ticker);

  it('archives a position only when every market of its event settled before the cutoff', async () => {
    const { clock, exchange } = exchangeWithPositions();
    exchange.settle(KC, 'yes');
    clock.advance(60_000);
    // Only one market of the KC/LV event settled: nothing of that event is archived yet.
    exchange.setHistoricalCutoff({ positionsLastUpdated: clock.now() });
    expect(tickers((await send(exchange, clock, 'GET', '/historical/positions')).json)).toEqual([]);
    exchange.settle(LV, 'no');
    clock.advance(60_000);
    exchange.setHistoricalCutoff({ positionsLastUpdated: clock.now() });
    const old = await send(exchange, clock, 'GET', '/historical/positions');
    expect(tickers(old.json)).toEqual([KC, LV]);
    expect(
      old.json.market_positions.map((p: Record<string, string>) => [
        p.position_fp,
        p.realized_pnl_dollars,
        p.fees_paid_dollars,
      ]),
    ).toEqual([
      ['0.00', '4.500000', '0.170000'],
      ['0.00', '1.800000', '0.000000'],
    ]);
    expect(tickers((await send(exchange, clock, 'GET', '/portfolio/positions')).json)).toEqual([DEN]);
    const cutoff = await send(exchange, clock, 'GET', '/historical/cutoff');
    expect(cutoff.json.market_positions_last_updated_ts).toBe('2026-11-20T12:02:00Z');
  });

  it('serves markets settled before market_settled_ts under /historical/markets only', async () => {
    const { clock, exchange } = exchangeWithPositions();
    exchange.settle(KC, 'yes');
    clock.advance(1000);
    exchange.setHistoricalCutoff({ marketSettled: clock.now() });
    const old = await send(exchange, clock, 'GET', '/historical/markets?limit=1');
    expect(tickers(old.json)).toEqual([KC]);
    expect([old.json.markets[0].result, old.json.cursor]).toEqual(['yes', '']);
    expect(tickers((await send(exchange, clock, 'GET', '/markets')).json)).toEqual([LV, DEN]);
    const bySeries = await send(
      exchange,
      clock,
      'GET',
      `/historical/markets?event_ticker=KXNFLGAME-26NOV30DENBUF`,
    );
    expect(tickers(bySeries.json)).toEqual([]);
  });
});
