import { describe, expect, it } from 'vitest';
import { KC, makeExchange, manualClock, send } from './__fixtures__/harness';

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
