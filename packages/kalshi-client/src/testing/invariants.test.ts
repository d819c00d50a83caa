import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KC, makeExchange, manualClock, orderBody, send } from './__fixtures__/harness';

const orderArb = fc.record({
  side: fc.constantFrom('bid', 'ask'),
  count: fc.integer({ min: 1, max: 30 }),
  cents: fc.integer({ min: 1, max: 99 }),
  tif: fc.constantFrom('immediate_or_cancel', 'good_till_canceled'),
});

describe('fake exchange accounting invariants', () => {
  it('after settlement, the change in cash equals realized P&L minus fees, and positions add up the fills', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(orderArb, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('yes', 'no'),
        fc.integer({ min: 30, max: 70 }),
        async (orders, result, moveTo) => {
          const clock = manualClock();
          const exchange = makeExchange(clock, { rateLimit: false, balance: '1000' });
          for (const o of orders) {
            await send(exchange, clock, 'POST', '/portfolio/events/orders', {
              body: orderBody({
                side: o.side,
                count: String(o.count),
                price: new Decimal(o.cents).div(100).toFixed(4),
                time_in_force: o.tif,
              }),
            });
          }
          // Move the market through the resting orders, then settle.
          exchange.setPrices(KC, {
            yesBid: new Decimal(moveTo).div(100).minus('0.01'),
            yesAsk: new Decimal(moveTo).div(100),
            yesBidSize: '1000',
            yesAskSize: '1000',
          });
          const snapshot = exchange.snapshot();
          const signed = snapshot.fills.reduce(
            (sum, f) => (f.side === 'bid' ? sum.plus(f.count) : sum.minus(f.count)),
            new Decimal(0),
          );
          const position = snapshot.positions.find((p) => p.ticker === KC);
          expect((position?.position ?? new Decimal(0)).toString()).toBe(signed.toString());
          exchange.settle(KC, result);
          const after = exchange.snapshot();
          const fees = after.fills.reduce((sum, f) => sum.plus(f.fee), new Decimal(0));
          const realized = after.positions.reduce((sum, p) => sum.plus(p.realizedPnl), new Decimal(0));
          expect(after.balance.minus(1000).toDecimalPlaces(10).toString()).toBe(
            realized.minus(fees).toDecimalPlaces(10).toString(),
          );
          expect(after.balance.gte(0)).toBe(true);
          expect(after.orders.every((o) => o.status !== 'resting')).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never lets the cash balance go negative, whatever is ordered and however prices move', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(orderArb, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 2, max: 98 }),
        async (orders, moveTo) => {
          const clock = manualClock();
          const exchange = makeExchange(clock, {
            rateLimit: false,
            balance: '5',
            series: [{ ticker: 'KXNFLGAME', feeType: 'quadratic_with_maker_fees' }],
          });
          for (const o of orders) {
            await send(exchange, clock, 'POST', '/portfolio/events/orders', {
              body: orderBody({
                side: o.side,
                count: String(o.count),
                price: new Decimal(o.cents).div(100).toFixed(4),
                time_in_force: o.tif,
              }),
            });
            expect(exchange.snapshot().balance.gte(0)).toBe(true);
          }
          // Resting orders filled as maker (with maker fees) still fit in the cash held back for them.
          const ask = new Decimal(moveTo).div(100);
          exchange.setPrices(KC, {
            yesBid: ask.minus('0.01'),
            yesAsk: ask,
            yesBidSize: '1000',
            yesAskSize: '1000',
          });
          expect(exchange.snapshot().balance.gte(0)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
