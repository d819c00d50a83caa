// `precog watch orderbook --json` end to end against the fake exchange, one run per WebSocket
// fault. No step waits on time or output: the faults start once the exchange has accepted the
// subscription (`streamSubscribed`) and the command answered a ping sent after the snapshots
// (`streamRoundTrip`: it has handled them); the command is stopped once it answered a ping sent
// after the last frame.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliProcess, type E2eExchange, projectDir, runCli, startCli, startExchange } from './harness';

const KC = 'KXNFLGAME-26NOV29KCLV-KC';
const LV = 'KXNFLGAME-26NOV29KCLV-LV';
const dir = projectDir();
let fake: E2eExchange;

beforeEach(async () => {
  fake = await startExchange(
    {
      markets: [
        {
          ticker: KC,
          eventTicker: 'KXNFLGAME-26NOV29KCLV',
          yesBid: '0.45',
          yesAsk: '0.47',
          yesBidSize: '10',
          extraLevels: 1,
        },
        { ticker: LV, eventTicker: 'KXNFLGAME-26NOV29KCLV', yesBid: '0.52', yesAsk: '0.55' },
      ],
      rateLimit: false,
      // Pings often, so a healthy socket is never silent for the stall test's 1 s idle timeout.
      stream: { pingIntervalMs: 200 },
    },
    dir,
  );
});
afterEach(async () => {
  await fake.close();
});

/** The fake's book as the final `books` document lists it (ascending `[price, size]` text). */
async function expectedBooks(tickers: string[]) {
  const books: Record<string, { yes: string[][]; no: string[][] }> = {};
  for (const t of tickers) {
    const response = await fake.exchange.handle({
      method: 'GET',
      path: `/trade-api/v2/markets/${t}/orderbook`,
      query: new URLSearchParams(),
      headers: {},
    });
    const body = JSON.parse(response.body) as {
      orderbook_fp: { yes_dollars: string[][]; no_dollars: string[][] };
    };
    const asc = (l: string[][]) => [...l].sort((a, b) => Number(a[0]) - Number(b[0]));
    books[t] = { yes: asc(body.orderbook_fp.yes_dollars), no: asc(body.orderbook_fp.no_dollars) };
  }
  return books;
}

/** Starts `precog watch orderbook KC LV --json`; resolves once it has handled its subscription's snapshots. */
async function watch(extra: string[] = []): Promise<{ cli: CliProcess; sid: number }> {
  const cli = startCli(['--ws-url', fake.server.wsUrl, '--json', 'watch', 'orderbook', KC, LV, ...extra], {
    cwd: dir,
    env: fake.env,
  });
  const exited = cli.done.then((run) => {
    throw new Error(`precog exited before subscribing (${run.code}): ${run.stderr}`);
  });
  const { sid } = await Promise.race([fake.exchange.streamSubscribed('orderbook_delta'), exited]);
  // The command has handled the snapshots (and printed their lines) before any fault.
  await fake.exchange.streamRoundTrip();
  return { cli, sid };
}

/** Stops the command once it has handled every frame sent so far; its NDJSON lines. */
async function stop(cli: CliProcess) {
  await fake.exchange.streamRoundTrip();
  cli.child.kill('SIGTERM');
  const run = await cli.done;
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The lines other than `book` updates and the final document. */
const events = (lines: Array<Record<string, unknown>>) =>
  lines.filter((l) => l.type !== 'book' && l.type !== 'books');

/** The snapshot lines the command prints first, one per market. */
const snapshotLines = [
  { type: 'book', ticker: KC, stale: false, yes_bid: ['0.4500', '10.00'], yes_ask: ['0.4700', '100.00'] },
  { type: 'book', ticker: LV, stale: false, yes_bid: ['0.5200', '100.00'], yes_ask: ['0.5500', '100.00'] },
];

describe('precog watch orderbook through each WebSocket fault (end to end against the fake exchange)', () => {
  it('a lost message: a gap line, the book marked stale, re-snapshotted, the exact books', async () => {
    const { cli, sid } = await watch();
    fake.exchange.injectStreamFault('lose-message');
    fake.exchange.setPrices(KC, { yesBid: '0.41' });
    fake.exchange.setPrices(KC, { yesBid: '0.42', yesBidSize: '2.5' });
    // The command has read the gap and asked for a snapshot; the next round trip covers the snapshot.
    await fake.exchange.streamRoundTrip();
    const lines = await stop(cli);
    expect(lines.slice(0, 2)).toMatchObject(snapshotLines);
    // A gap on a sid can be any of its markets' message: both books are stale until re-snapshotted.
    expect(events(lines)).toEqual([
      { type: 'gap', sid, tickers: [KC, LV] },
      { type: 'stale', reason: 'gap', tickers: [KC, LV] },
    ]);
    const last = lines.at(-1) as { books: Record<string, { yes: string[][] }> };
    expect(last).toEqual({ type: 'books', books: await expectedBooks([KC, LV]) });
    expect(last.books[KC]?.yes.at(-1)).toEqual(['0.4200', '2.50']);
    expect(lines.findLast((l) => l.ticker === KC)).toMatchObject({
      type: 'book',
      stale: false,
      yes_bid: ['0.4200', '2.50'],
    });
  }, 120_000);

  it('a duplicated message is applied once: the exact books', async () => {
    const { cli } = await watch();
    fake.exchange.injectStreamFault('duplicate-message');
    fake.exchange.movePrices(LV, '0.01');
    const lines = await stop(cli);
    expect(events(lines)).toEqual([]);
    const last = lines.at(-1) as { books: Record<string, { yes: string[][] }> };
    expect(last).toEqual({ type: 'books', books: await expectedBooks([KC, LV]) });
    expect(last.books[LV]?.yes.at(-1)).toEqual(['0.5300', '100.00']);
  }, 120_000);

  it('a malformed frame: one error line, the stream goes on, the exact books', async () => {
    const { cli } = await watch();
    fake.exchange.injectStreamFault('malformed-frame');
    fake.exchange.setPrices(KC, { yesBid: '0.43', yesBidSize: '4' });
    const lines = await stop(cli);
    const frame = '{"type":"orderbook_delta","sid":';
    expect(events(lines)).toEqual([
      { type: 'error', message: `a frame is not JSON (${frame.length} characters)` },
    ]);
    const last = lines.at(-1) as { books: Record<string, { yes: string[][] }> };
    expect(last).toEqual({ type: 'books', books: await expectedBooks([KC, LV]) });
    expect(last.books[KC]?.yes.at(-1)).toEqual(['0.4300', '4.00']);
  }, 120_000);

  it('a connection dropped without a close frame: stale, reconnected with a new sid, the exact books', async () => {
    const { cli, sid } = await watch();
    const resubscribed = fake.exchange.streamSubscribed('orderbook_delta', 2);
    fake.exchange.injectStreamFault('drop-connection');
    fake.exchange.setPrices(LV, { yesAsk: '0.60', yesAskSize: '7' });
    expect((await resubscribed).sid).not.toBe(sid);
    const lines = await stop(cli);
    expect(events(lines)).toEqual([
      { type: 'stale', reason: 'disconnect', tickers: [KC, LV] },
      { type: 'reconnected' },
    ]);
    const last = lines.at(-1) as { books: Record<string, { no: string[][] }> };
    expect(last).toEqual({ type: 'books', books: await expectedBooks([KC, LV]) });
    // The YES ask 0.60 x 7 is the NO bid 0.40 x 7.
    expect(last.books[LV]?.no.at(-1)).toEqual(['0.4000', '7.00']);
  }, 120_000);

  it('a stalled socket (open, silent): the watchdog reconnects, the exact books', async () => {
    const { cli } = await watch(['--idle-timeout', '1']);
    const resubscribed = fake.exchange.streamSubscribed('orderbook_delta', 2);
    fake.exchange.injectStreamFault('stall');
    // Not sent to the stalled socket: only the snapshot after the reconnect carries it.
    fake.exchange.setPrices(KC, { yesBid: '0.44', yesBidSize: '6' });
    await resubscribed;
    const lines = await stop(cli);
    expect(events(lines)).toEqual([
      { type: 'stale', reason: 'disconnect', tickers: [KC, LV] },
      { type: 'reconnected' },
    ]);
    const last = lines.at(-1) as { books: Record<string, { yes: string[][] }> };
    expect(last).toEqual({ type: 'books', books: await expectedBooks([KC, LV]) });
    expect(last.books[KC]?.yes.at(-1)).toEqual(['0.4400', '6.00']);
  }, 120_000);

  it('a refused upgrade: exit code 4 and one line', async () => {
    fake.exchange.injectStreamFault('refuse-upgrade', { status: 403 });
    const run = await runCli(['--ws-url', fake.server.wsUrl, 'watch', 'orderbook', KC, '--for', '1'], {
      cwd: dir,
      env: fake.env,
    });
    expect(run.code).toBe(4);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe('precog: the WebSocket upgrade was refused with HTTP 403');
  }, 120_000);

  it('an upgrade refused on reconnect ends the watch: exit code 4 and one line, no books document', async () => {
    const { cli } = await watch();
    fake.exchange.injectStreamFault('refuse-upgrade', { status: 401, times: 1 });
    fake.exchange.injectStreamFault('drop-connection');
    const run = await cli.done;
    expect(run.code).toBe(4);
    expect(run.stderr.trim()).toBe('precog: the WebSocket upgrade was refused with HTTP 401');
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toMatchObject([
      ...snapshotLines,
      { type: 'stale', reason: 'disconnect', tickers: [KC, LV] },
    ]);
    expect(lines).toHaveLength(3);
  }, 120_000);
});
