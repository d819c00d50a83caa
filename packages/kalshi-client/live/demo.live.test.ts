import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { KalshiClient, KalshiMarketNotFoundError } from '../src/index';

// Runs against the real demo exchange only when demo credentials are configured.
const apiKeyId = process.env.KALSHI_DEMO_API_KEY_ID;
const privateKeyPath = process.env.KALSHI_DEMO_PRIVATE_KEY_PATH;
const configured = Boolean(apiKeyId && privateKeyPath);
// Placing (and at once cancelling) a far-from-touch demo order is opt-in on top of that.
const placeOrders = process.env.KALSHI_DEMO_LIVE_ORDERS === '1';

if (!configured) {
  console.log(
    'kalshi-client live tests skipped: set KALSHI_DEMO_API_KEY_ID and KALSHI_DEMO_PRIVATE_KEY_PATH to run them',
  );
}

describe.skipIf(!configured)('Kalshi demo exchange (live)', () => {
  const client = (): KalshiClient => new KalshiClient({ environment: 'demo', apiKeyId, privateKeyPath });

  it('reads the balance in dollars', async () => {
    const balance = await client().portfolio.getBalance();
    expect(Decimal.isDecimal(balance.balance)).toBe(true);
    expect(balance.balance.gte(0)).toBe(true);
    expect(balance.balance.mul(100).floor().toNumber()).toBe(balance.balance_cents);
  });

  it('reads the exchange status and adopts the key rate limits', async () => {
    const c = client();
    const status = await c.exchange.getStatus();
    expect(typeof status.exchange_active).toBe('boolean');
    const { limits } = await c.syncRateLimits();
    expect(limits.read.refill_rate).toBeGreaterThan(0);
  });

  it('walks two pages of open markets', async () => {
    const seen = new Set<string>();
    let pages = 0;
    for await (const page of client().markets.list({ status: 'open', limit: 5 }).pages()) {
      for (const market of page.items) seen.add(market.ticker);
      pages += 1;
      if (pages === 2) break;
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  it('maps a missing market to KalshiMarketNotFoundError', async () => {
    await expect(client().markets.get('PRECOG-NO-SUCH-MARKET-1')).rejects.toBeInstanceOf(
      KalshiMarketNotFoundError,
    );
  });

  it.skipIf(!placeOrders)('places a resting 1-cent bid and cancels it', async () => {
    const c = client();
    const [market] = (await c.markets.list({ status: 'open', limit: 1 })).items;
    if (!market) return;
    const order = await c.orders.create({
      ticker: market.ticker,
      side: 'bid',
      count: '1',
      price: '0.01',
      post_only: true,
      time_in_force: 'good_till_canceled',
    });
    const cancelled = await c.orders.cancel(order.order_id);
    expect(cancelled.reduced_by.toFixed(2)).toBe('1.00');
  });
});
