// A bare WebSocket feed that speaks Kalshi's protocol for the `ticker` channel only, for load
// tests: the fake exchange streams from its full state (every change re-scans its markets, about
// a millisecond per change with 200 markets), which cannot reach thousands of updates a second.
// This feed sends exactly the ticker messages it is given, stamped with the time it sent them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

const WS_PATH = '/trade-api/ws/v2';

/** The prices of one ticker message (Kalshi's wire strings: `"0.4500"`, `"10.00"`). */
export interface FakeTickerPrices {
  price_dollars?: string;
  yes_bid_dollars?: string;
  yes_ask_dollars?: string;
  volume_fp?: string;
  open_interest_fp?: string;
}

/** A running ticker feed. */
export interface FakeTickerFeed {
  /** `ws://127.0.0.1:<port>/trade-api/ws/v2` (no signature checked). */
  readonly wsUrl: string;
  /** Ticker messages sent so far (to every subscriber). */
  readonly sent: number;
  /** Open `ticker` subscriptions. */
  readonly subscriptions: number;
  /** Sends one ticker message to each subscriber of `ticker`, `ts_ms` = now; returns that time. */
  publish(ticker: string, prices: FakeTickerPrices): number;
  close(): Promise<void>;
}

interface Sub {
  socket: WebSocket;
  sid: number;
  tickers: Set<string> | undefined;
}

/** Starts a ticker feed on 127.0.0.1 (any free port). */
export async function startFakeTickerFeed(): Promise<FakeTickerFeed> {
  const wss = new WebSocketServer({ noServer: true });
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  const subs = new Map<number, Sub>();
  let nextSid = 1;
  let sent = 0;
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== WS_PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('close', () => {
        for (const [sid, sub] of subs) if (sub.socket === ws) subs.delete(sid);
      });
      ws.on('message', (data) => {
        const { id, cmd, params } = JSON.parse(data.toString()) as {
          id?: number;
          cmd?: string;
          params?: { channels?: string[]; market_tickers?: string[]; sids?: number[] };
        };
        if (cmd === 'subscribe' && params?.channels?.length === 1 && params.channels[0] === 'ticker') {
          const sid = nextSid++;
          subs.set(sid, {
            socket: ws,
            sid,
            tickers: params.market_tickers && new Set(params.market_tickers),
          });
          ws.send(JSON.stringify({ id, type: 'subscribed', msg: { channel: 'ticker', sid } }));
        } else if (cmd === 'unsubscribe') {
          for (const sid of params?.sids ?? []) subs.delete(sid);
          ws.send(JSON.stringify({ id, type: 'unsubscribed', sid: params?.sids?.[0] }));
        } else if (cmd === 'list_subscriptions') {
          const mine = [...subs.values()].filter((s) => s.socket === ws);
          ws.send(
            JSON.stringify({ id, type: 'ok', msg: mine.map((s) => ({ channel: 'ticker', sid: s.sid })) }),
          );
        } else {
          ws.send(JSON.stringify({ id, type: 'error', msg: { code: 8, msg: 'Unknown channel name' } }));
        }
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    wsUrl: `ws://127.0.0.1:${port}${WS_PATH}`,
    get sent() {
      return sent;
    },
    get subscriptions() {
      return subs.size;
    },
    publish(ticker, prices) {
      const now = Date.now();
      for (const sub of subs.values()) {
        if (sub.tickers && !sub.tickers.has(ticker)) continue;
        const msg = { market_ticker: ticker, ...prices, ts: Math.floor(now / 1000), ts_ms: now };
        sub.socket.send(JSON.stringify({ type: 'ticker', sid: sub.sid, msg }));
        sent++;
      }
      return now;
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
