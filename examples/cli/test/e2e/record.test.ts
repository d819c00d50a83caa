import { KalshiClient } from '@precog/kalshi-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backends,
  createDatabase,
  type E2eDatabase,
  type E2eExchange,
  projectDir,
  runCli,
  startCli,
  startExchange,
} from './harness';

const EVENT = 'KXNFLGAME-26NOV29KCLV';
const KC = `${EVENT}-KC`;
const LV = `${EVENT}-LV`;

describe.each(backends)('precog record markets (end to end against the fake exchange) on %s', (backend) => {
  let cwd: string;
  let fake: E2eExchange;
  let db: E2eDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    cwd = projectDir();
    fake = await startExchange(
      {
        markets: [
          { ticker: KC, eventTicker: EVENT, yesBid: '0.45', yesAsk: '0.47', yesBidSize: '10' },
          { ticker: LV, eventTicker: EVENT, yesBid: '0.52', yesAsk: '0.55' },
        ],
        rateLimit: false,
      },
      cwd,
    );
    db = await createDatabase(backend, cwd);
    env = { ...fake.env, ...db.env };
  });
  afterAll(async () => {
    await fake?.close();
    await db?.dispose();
  });

  it('records every price change as a market version and ends with the one-line summary', async () => {
    const cli = startCli(
      ['--ws-url', fake.server.wsUrl, 'record', 'markets', '--event', EVENT, '--for', '4'],
      {
        cwd,
        env,
      },
    );
    let err = '';
    cli.child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    // The command says so once it has subscribed: only then do prices move.
    for (let i = 0; i < 2000 && !err.includes('precog: recording'); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(err).toContain('precog: recording 2 markets into');
    fake.exchange.setPrices(KC, { yesBid: '0.40', yesAsk: '0.49' });
    await new Promise((r) => setTimeout(r, 400));
    fake.exchange.setPrices(LV, { yesBid: '0.50' });
    fake.exchange.setPrices(LV, { yesBidSize: '42' }); // no price moves: nothing written
    const run = await cli.done;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^recorded 2 market versions \(\d+ updates\) in \d+\.\d s\n$/);

    const store = await db.open();
    try {
      const kc = await store.markets.history({ ticker: KC });
      expect(
        kc.map((v) => [v.yesBid?.toFixed(4), v.yesAsk?.toFixed(4), v.noBid?.toFixed(4), v.noAsk?.toFixed(4)]),
      ).toEqual([
        ['0.4500', '0.4700', '0.5300', '0.5500'],
        ['0.4000', '0.4900', '0.5100', '0.6000'],
      ]);
      const lv = await store.markets.history({ ticker: LV });
      expect(lv.map((v) => v.yesBid?.toFixed(4))).toEqual(['0.5200', '0.5000']);
      expect(lv.every((v) => v.status === 'active' && v.eventTicker === EVENT)).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('with --fills, stores the fill of an order made while it records, once', async () => {
    const cli = startCli(['--ws-url', fake.server.wsUrl, 'record', 'markets', KC, '--fills', '--for', '3'], {
      cwd,
      env,
    });
    let err = '';
    cli.child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
    });
    for (let i = 0; i < 2000 && !err.includes('precog: recording'); i++)
      await new Promise((r) => setTimeout(r, 50));
    const trader = new KalshiClient({
      baseUrl: fake.server.url,
      apiKeyId: 'e2e-key',
      privateKeyPath: fake.keyFile,
      rateLimit: false,
    });
    const order = await trader.orders.create({
      ticker: KC,
      side: 'bid',
      count: '2',
      price: '0.60',
      time_in_force: 'immediate_or_cancel',
    });
    const run = await cli.done;
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^recorded \d+ market versions \(\d+ updates\) in \d+\.\d s; 1 new fills stored\n$/,
    );
    const store = await db.open();
    try {
      const trades = await store.trades.current({ ticker: KC });
      expect(trades.map((t) => [t.orderId, t.side, t.action, t.quantity.toFixed(2)])).toEqual([
        [order.order_id, 'yes', 'buy', '2.00'],
      ]);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('exits 2 naming a market the exchange does not have', async () => {
    const run = await runCli(
      ['--ws-url', fake.server.wsUrl, 'record', 'markets', KC, 'KXNOPE-1', '--for', '1'],
      {
        cwd,
        env,
      },
    );
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('precog: the exchange has no market KXNOPE-1');
  }, 120_000);

  it('exits 2 when no market is named', async () => {
    const run = await runCli(['record', 'markets', '--for', '1'], { cwd, env });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('precog: name markets: tickers, --series <ticker> or --event <ticker>');
  }, 120_000);
});
