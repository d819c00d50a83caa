// `precog watch orderbook <tickers...>` and `precog watch fills`: live data from the Kalshi
// WebSocket. Only the WebSocket is used (no REST call), so any server speaking the protocol works.

import { requireKalshiCredentials } from '@precog/config';
import { type BookUpdate, KalshiClient, type KalshiStream } from '@precog/kalshi-client';
import { type Command, InvalidArgumentError } from 'commander';
import { loadCliContext } from '../cli/context';
import { globalOptionsOf } from '../cli/global-options';
import { toJson } from '../cli/output';
import { runAction } from '../cli/run-action';
import { guardProdBaseUrl } from '../sync/prod-guard';

interface WatchOptions {
  /** `--for <seconds>`: stop after this long (default: until Ctrl-C or SIGTERM). */
  for?: number;
  /** `--idle-timeout <seconds>`: reconnect a socket silent (no ping, no data) for longer (default 30). */
  idleTimeout?: number;
}

function seconds(value: string): number {
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0)
    throw new InvalidArgumentError('must be a positive number of seconds');
  return Number(value);
}

/** The WebSocket URL: `--ws-url`, else `KALSHI_WS_URL`, else the client's (derived from the REST URL or environment). */
export function wsUrlOption(command: Command, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const options = globalOptionsOf(command) as { wsUrl?: string };
  return options.wsUrl ?? (env.KALSHI_WS_URL || undefined);
}

/** A stream signed with the configured key when there is one. */
function openStream(command: Command, options: WatchOptions): { stream: KalshiStream; json: boolean } {
  const context = loadCliContext(command);
  const { config, logger } = context;
  guardProdBaseUrl(config, Boolean(context.options.force), logger);
  const kalshi = config.kalshi;
  const signing =
    kalshi.apiKeyId !== undefined && kalshi.privateKey !== undefined
      ? requireKalshiCredentials(config)
      : undefined;
  const wsUrl = wsUrlOption(command);
  const client = new KalshiClient({
    baseUrl: kalshi.baseUrl,
    environment: kalshi.environment,
    ...(wsUrl ? { wsUrl } : {}),
    ...(signing ? { apiKeyId: signing.apiKeyId, privateKey: signing.privateKey } : {}),
    rateLimit: false,
    logger,
  });
  const idleTimeoutMs = options.idleTimeout === undefined ? undefined : options.idleTimeout * 1000;
  return {
    stream: client.stream(idleTimeoutMs === undefined ? {} : { idleTimeoutMs }),
    json: Boolean(context.options.json),
  };
}

/**
 * Resolves after `--for` seconds, or at Ctrl-C / SIGTERM; rejects when the stream closes for good
 * with an error (a refused upgrade on reconnect, reconnection given up), which sets the exit code.
 */
function untilStopped(forSeconds: number | undefined, stream: KalshiStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: unknown) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (timer) clearTimeout(timer);
      offClosed();
      if (error === undefined) resolve();
      else reject(error);
    };
    const stop = () => finish();
    const offClosed = stream.on('closed', ({ error }) => finish(error));
    const timer = forSeconds === undefined ? undefined : setTimeout(stop, forSeconds * 1000);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

/**
 * What `subscribing` resolves to, or undefined when the watch is stopped first. The stop is armed
 * before subscribing, so a Ctrl-C or SIGTERM at any moment ends the watch with its document
 * instead of killing the process (the signal's default) half-way.
 */
function unlessStopped<T>(subscribing: Promise<T>, stopped: Promise<void>): Promise<T | undefined> {
  // Both outcomes are awaited below or raced here: neither may become an unhandled rejection.
  subscribing.catch(() => undefined);
  stopped.catch(() => undefined);
  return Promise.race([subscribing, stopped.then(() => undefined)]);
}

/** Non-fatal stream errors (a malformed frame, a failed resync): an NDJSON line, or one stderr line. */
function reportErrors(stream: KalshiStream, json: boolean): void {
  let closed = false;
  stream.on('closed', () => {
    closed = true;
  });
  stream.on('error', (error) => {
    // A fatal error is followed at once by `closed`, and reported once, as the command's error.
    queueMicrotask(() => {
      if (closed) return;
      if (json) line({ type: 'error', message: error.message });
      else process.stderr.write(`precog: ${error.message} (ignored, still watching)\n`);
    });
  });
}

function line(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** One NDJSON line per book update: top of book on both legs. */
export function bookLine({ ticker, book, stale }: BookUpdate) {
  const yesBid = book.bestYesBid();
  const yesAsk = book.bestYesAsk();
  return {
    type: 'book',
    ticker,
    stale,
    yes_bid: yesBid ? [yesBid.price.toFixed(4), yesBid.size.toFixed(2)] : null,
    yes_ask: yesAsk ? [yesAsk.price.toFixed(4), yesAsk.size.toFixed(2)] : null,
    updated_at: book.updatedAt?.toISOString() ?? null,
  };
}

function table(stream: KalshiStream, tickers: readonly string[]): string {
  const rows = tickers.map((ticker) => {
    const book = stream.books.get(ticker);
    const bid = book?.bestYesBid();
    const ask = book?.bestYesAsk();
    return [
      ticker,
      bid ? `${bid.price.toFixed(4)} x ${bid.size.toFixed(2)}` : '-',
      ask ? `${ask.price.toFixed(4)} x ${ask.size.toFixed(2)}` : '-',
      book?.updatedAt?.toISOString() ?? '-',
      !book || book.stale ? 'STALE' : '',
    ];
  });
  const header = ['TICKER', 'YES BID', 'YES ASK', 'UPDATED', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

async function watchOrderbook(tickers: string[], options: WatchOptions, command: Command): Promise<void> {
  const { stream, json } = openStream(command, options);
  const tty = Boolean(process.stdout.isTTY) && !json;
  let redraw: ReturnType<typeof setTimeout> | undefined;
  const draw = () => {
    redraw = undefined;
    process.stdout.write(`\x1b[H\x1b[2J${table(stream, tickers)}\n`);
  };
  try {
    stream.on('gap', (g) => json && line({ type: 'gap', sid: g.sid, tickers: g.tickers }));
    stream.on('stale', (s) => json && line({ type: 'stale', reason: s.reason, tickers: s.tickers }));
    stream.on('reconnected', () => json && line({ type: 'reconnected' }));
    reportErrors(stream, json);
    const stopped = untilStopped(options.for, stream);
    const subscribing = stream.subscribe({ channel: 'orderbook_delta', marketTickers: tickers });
    const sub = await unlessStopped(subscribing, stopped);
    sub?.on('book', (update) => {
      if (json) line(bookLine(update));
      else if (tty) redraw ??= setTimeout(draw, 100);
      else process.stdout.write(`${table(stream, [update.ticker]).split('\n')[1]}\n`);
    });
    await stopped;
  } finally {
    if (redraw) clearTimeout(redraw);
    await stream.close();
  }
  if (json) {
    const books = stream.books.toDocument();
    const doc: typeof books = {};
    for (const t of tickers) doc[t] = books[t] ?? { yes: [], no: [] };
    line({ type: 'books', books: doc });
  } else if (tty) draw();
}

async function watchFills(options: WatchOptions, command: Command): Promise<void> {
  const { stream, json } = openStream(command, options);
  try {
    reportErrors(stream, json);
    stream.on('reconcile', (r) =>
      process.stderr.write(
        `precog: reconnected; fills since ${r.since.toISOString()} may be missing (run precog fetch-fills)\n`,
      ),
    );
    const stopped = untilStopped(options.for, stream);
    const sub = await unlessStopped(stream.subscribe({ channel: 'fill' }), stopped);
    sub?.on('message', (m) => {
      if (m.type !== 'fill') return;
      const f = m.msg;
      if (json) process.stdout.write(`${toJson({ type: 'fill', ...f }).replace(/\n\s*/g, '')}\n`);
      else
        process.stdout.write(
          `${f.time?.toISOString() ?? '-'}  ${f.market_ticker}  ${f.action ?? ''} ${f.count_fp.toFixed(2)} @ ${f.yes_price_dollars.toFixed(4)}  fee ${f.fee_cost?.toFixed(6) ?? '-'}  ${f.fill_id}\n`,
        );
    });
    await stopped;
  } finally {
    await stream.close();
  }
}

const IDLE_TIMEOUT_HELP = 'reconnect when the socket is silent (no ping, no data) this long (default: 30)';

/** Registers `watch orderbook` and `watch fills`. */
export function register(program: Command): void {
  const watch = program.command('watch').description('live market data from the Kalshi WebSocket');
  watch
    .command('orderbook <tickers...>')
    .description('live top of book; with --json, NDJSON updates and a final {"type":"books"} document')
    .option('--for <seconds>', 'stop after this many seconds (default: until Ctrl-C)', seconds)
    .option('--idle-timeout <seconds>', IDLE_TIMEOUT_HELP, seconds)
    .action(
      runAction(async (tickers: string[], options: WatchOptions, command: Command) =>
        watchOrderbook(tickers, options, command),
      ),
    );
  watch
    .command('fills')
    .description("the account's fills as they happen (needs a key)")
    .option('--for <seconds>', 'stop after this many seconds (default: until Ctrl-C)', seconds)
    .option('--idle-timeout <seconds>', IDLE_TIMEOUT_HELP, seconds)
    .action(runAction(async (options: WatchOptions, command: Command) => watchFills(options, command)));
}
