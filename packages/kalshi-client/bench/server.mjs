// A local stand-in for the Kalshi API, run in its own process so it does not share the
// benchmark's event loop. Modes: `balance` (constant body), `fills` (100 pages of 1000 fills),
// `bucket` (a 200 tokens/s read bucket of size 200, 10 tokens per GET, 429 when empty).
import { createServer } from 'node:http';

const mode = process.argv[2] ?? 'balance';
const balance = JSON.stringify({
  balance: 152374,
  balance_breakdown: [{ balance: '1523.745', exchange_index: 0 }],
  balance_dollars: '1523.745',
  portfolio_value: 48210,
  updated_ts: 1795564800,
});

const PAGE = 1000;
const PAGES = 100;
const fillPages = [];
if (mode === 'fills') {
  for (let p = 0; p < PAGES; p += 1) {
    const fills = [];
    for (let i = 0; i < PAGE; i += 1) {
      const n = p * PAGE + i;
      fills.push({
        action: 'buy',
        book_side: 'bid',
        count_fp: `${(n % 50) + 1}.00`,
        created_time: new Date(Date.UTC(2026, 10, 1) + n * 1000).toISOString(),
        fee_cost: '0.017500',
        fill_id: `fill-${n}`,
        is_taker: n % 3 === 0,
        market_ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
        no_price_dollars: '0.3900',
        order_id: `order-${Math.floor(n / 4)}`,
        outcome_side: 'yes',
        side: 'yes',
        subaccount_number: 0,
        ticker: 'KXNFLGAME-26NOV29KCDEN-KC',
        trade_id: `fill-${n}`,
        ts: 1793577600 + n,
        yes_price_dollars: '0.6100',
      });
    }
    fillPages.push(JSON.stringify({ cursor: p + 1 < PAGES ? `page-${p + 1}` : '', fills }));
  }
}

let tokens = 200;
let last = performance.now();
const stats = { ok: 0, tooMany: 0, spent: 0 };

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
    return;
  }
  if (mode === 'fills') {
    const cursor = url.searchParams.get('cursor');
    const page = cursor ? Number(cursor.slice(5)) : 0;
    res.writeHead(200, { 'content-type': 'application/json' }).end(fillPages[page]);
    return;
  }
  if (mode === 'bucket') {
    const now = performance.now();
    tokens = Math.min(200, tokens + ((now - last) * 200) / 1000);
    last = now;
    if (tokens < 10) {
      stats.tooMany += 1;
      res.writeHead(429, { 'content-type': 'application/json' }).end('{"error":"too many requests"}');
      return;
    }
    tokens -= 10;
    stats.ok += 1;
    stats.spent += 10;
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end(balance);
});

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`,
  );
});
