// `pnpm demo`: the main job, offline, in one command. A fake Kalshi exchange on loopback, an
// embedded PostgreSQL (PGlite, in memory), a full sync, what was stored, prices moving and a
// market settling, a second sync, one market's SCD2 history; then everything shuts down.
// `pnpm demo --live` runs the same flow against Kalshi's demo exchange with your demo key.
import { pathToFileURL } from 'node:url';
import { ConfigError, kalshiClientSettings, loadConfig, requireKalshiCredentials } from '@precog/config';
import { KalshiClient } from '@precog/kalshi-client';
import { type SyncAllOptions, type SyncAllResult, syncAll } from '@precog/managers';
import { openStore, type Store } from '@precog/scd2-store';
import { userCwd } from './cli/context';
import { ExitCode } from './cli/exit-codes';
import { stopWhenParentExits } from './cli/parent-watch';
import { reportError } from './cli/run-action';
import { type OfflineExchange, startOfflineExchange } from './demo/offline-exchange';
import { describeMarketHistory, describePositionHistory, describeStore } from './demo/report';
import { recordWhilePricesMove } from './demo/streaming';
import { progressReporter, summaryLine } from './sync/progress';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Run against Kalshi's demo exchange instead of the offline fake. Default false. */
  live?: boolean;
  /** Where the story is printed. Default process.stdout. */
  out?: NodeJS.WritableStream;
  /** Progress bars on stderr. Default: when stderr is a terminal. */
  progress?: boolean;
  /** Items per page (small, so the offline sync visibly pages). Default 50. */
  pageSize?: number;
  /** Environment variables (live mode). Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Live mode: how long to wait before syncing the markets again, in ms. Default 5000. */
  liveWaitMs?: number;
}

const USAGE = `Usage: pnpm demo [--live] [--page-size N]

Runs precog's main job end to end: sync a Kalshi account and its markets into PostgreSQL.
  (default)      offline: a fake exchange on 127.0.0.1 and embedded PGlite in memory
  --live         Kalshi's demo exchange, with KALSHI_DEMO_API_KEY_ID and
                 KALSHI_DEMO_PRIVATE_KEY_PATH (or .env.demo); still an in-memory store
  --page-size N  items per page, 1-1000 (default 50)
`;

/** Parses the demo's arguments (pnpm may pass a lone `--` through). */
export function parseDemoArgs(argv: readonly string[]): DemoOptions | { help: true } | { error: string } {
  const options: DemoOptions = {};
  const args = argv.filter((a) => a !== '--');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--live') options.live = true;
    else if (arg === '--help' || arg === '-h') return { help: true };
    else if (arg === '--page-size' || arg?.startsWith('--page-size=')) {
      const value = arg.includes('=') ? arg.slice('--page-size='.length) : args[++i];
      const n = Number(value);
      if (value === undefined || !/^\d+$/.test(value) || n < 1 || n > 1000) {
        return { error: `--page-size must be a whole number from 1 to 1000, got ${value ?? 'nothing'}` };
      }
      options.pageSize = n;
    } else return { error: `unknown argument ${arg}; see pnpm demo --help` };
  }
  return options;
}

class Printer {
  constructor(private readonly out: NodeJS.WritableStream) {}
  line(text = ''): void {
    this.out.write(`${text}\n`);
  }
  heading(text: string): void {
    this.line();
    this.line(`── ${text} ${'─'.repeat(Math.max(0, 76 - text.length))}`);
  }
  results(result: SyncAllResult): void {
    for (const r of result.results) this.line(`  ${summaryLine(r)}`);
  }
}

async function sync(
  client: KalshiClient,
  store: Store,
  options: SyncAllOptions & { progress: boolean },
): Promise<SyncAllResult> {
  const { progress: enabled, ...rest } = options;
  const progress = progressReporter({ enabled, pageSize: options.pageSize });
  try {
    return await syncAll(client, store, { ...rest, onProgress: (p) => progress.onProgress(p) });
  } finally {
    progress.stop();
  }
}

/** The offline story. */
async function offline(
  print: Printer,
  store: Store,
  options: Required<Pick<DemoOptions, 'pageSize' | 'progress'>>,
) {
  let fake: OfflineExchange | undefined;
  try {
    fake = await startOfflineExchange();
    const { exchange, server } = fake;
    print.line(
      `Fake Kalshi exchange listening on ${server.url} (NFL markets, one account, RSA key made for this run)`,
    );
    const client = new KalshiClient({
      baseUrl: server.url,
      apiKeyId: fake.apiKeyId,
      privateKey: fake.privateKey,
    });
    const common = { pageSize: options.pageSize, progress: options.progress };

    print.heading('1. Full sync: balance, positions, fills, settlements, markets');
    print.results(await sync(client, store, common));

    print.heading('2. What the store holds');
    print.line(await describeStore(store, { fills: 5, positions: 8 }));

    // The market to follow: the largest position. The game to finish: the second largest.
    const positions = (await store.positions.current({ status: 'open' })).sort(
      (a, b) => b.quantity.comparedTo(a.quantity) || a.ticker.localeCompare(b.ticker),
    );
    const followed = positions[0]?.ticker;
    const finished = positions[1]?.ticker;
    if (followed === undefined || finished === undefined)
      throw new Error('the demo account has no positions');

    print.heading('3. The market moves, a game ends; sync again');
    exchange.movePrices(followed, '0.04');
    print.line(`  ${followed}: prices up 4 cents`);
    for (const p of positions.slice(2, 5)) {
      exchange.movePrices(p.ticker, '-0.02');
      print.line(`  ${p.ticker}: prices down 2 cents`);
    }
    exchange.settle(finished, 'yes');
    exchange.setBalance('2612.50');
    print.line(`  ${finished}: the game is over, the market settles YES`);
    print.results(await sync(client, store, common));

    print.heading('4. One more move; sync again');
    exchange.movePrices(followed, '-0.07');
    print.line(`  ${followed}: prices down 7 cents`);
    print.results(await sync(client, store, common));
    print.line();
    print.line(await describeMarketHistory(store, followed));
    print.line();
    print.line(await describePositionHistory(store, finished));

    print.heading('5. A re-run with nothing new writes nothing');
    print.results(await sync(client, store, common));

    print.heading('6. Streaming: the WebSocket recorded into the store while prices move');
    for (const line of await recordWhilePricesMove(client, exchange, store, followed)) print.line(line);
  } finally {
    await fake?.server.close();
  }
}

/** The live story: the same flow against Kalshi's demo exchange (no prices of our own to move). */
async function live(
  print: Printer,
  store: Store,
  options: Required<Pick<DemoOptions, 'pageSize' | 'progress' | 'env' | 'liveWaitMs'>>,
) {
  const config = loadConfig({ cwd: userCwd(options.env), runtimeEnv: options.env, env: 'demo' });
  const credentials = requireKalshiCredentials(config);
  const client = new KalshiClient({
    ...kalshiClientSettings(config),
    baseUrl: credentials.baseUrl,
    apiKeyId: credentials.apiKeyId,
    privateKey: credentials.privateKey,
  });
  print.line(`Kalshi demo exchange at ${credentials.baseUrl} with key ${credentials.apiKeyId}`);
  const common = {
    pageSize: options.pageSize,
    progress: options.progress,
    seriesTicker: 'KXNFLGAME',
    status: 'open' as const,
  };
  print.heading('1. Full sync (markets: open KXNFLGAME markets)');
  print.results(await sync(client, store, common));
  print.heading('2. What the store holds');
  print.line(await describeStore(store, { fills: 5, positions: 8 }));
  print.heading('3. Markets again, a few seconds later');
  await new Promise((resolve) => setTimeout(resolve, options.liveWaitMs));
  print.results(await sync(client, store, { ...common, stages: ['markets'] }));
  const changed = await store.query<{ ticker: string }>(
    'SELECT ticker FROM markets GROUP BY ticker ORDER BY count(*) DESC, ticker LIMIT 1',
  );
  const ticker = changed.rows[0]?.ticker;
  if (ticker !== undefined) {
    print.line();
    print.line(await describeMarketHistory(store, ticker));
  }
}

/** Runs the demo; resolves to the exit code (0 success, 3 missing credentials for --live, ...). */
export async function runDemo(options: DemoOptions = {}): Promise<number> {
  const started = performance.now();
  const out = options.out ?? process.stdout;
  const print = new Printer(out);
  const settings = {
    pageSize: options.pageSize ?? 50,
    progress: options.progress ?? Boolean(process.stderr.isTTY),
    env: options.env ?? process.env,
    liveWaitMs: options.liveWaitMs ?? 5_000,
  };
  let store: Store | undefined;
  try {
    print.line(
      options.live
        ? 'precog demo (live): Kalshi demo exchange → sync → embedded PostgreSQL (PGlite, in memory)'
        : 'precog demo (offline): fake Kalshi exchange → sync → embedded PostgreSQL (PGlite, in memory)',
    );
    if (options.live) {
      // Check the credentials before anything starts, so a missing key is the only message.
      const config = loadConfig({ cwd: userCwd(settings.env), runtimeEnv: settings.env, env: 'demo' });
      requireKalshiCredentials(config);
    }
    store = await openStore();
    const applied = await store.migrate();
    print.line(`Store: PGlite in memory, ${applied.length} migrations applied`);
    if (options.live) await live(print, store, settings);
    else await offline(print, store, settings);
    print.line();
    print.line(
      `Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Everything was in memory; nothing was left behind.`,
    );
    return ExitCode.Ok;
  } catch (error) {
    if (options.live && error instanceof ConfigError) {
      process.stderr.write('precog demo --live needs demo credentials (see .env.example):\n');
    }
    return reportError(error, (settings.env.PRECOG_VERBOSE ?? '') !== '');
  } finally {
    await store?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  stopWhenParentExits();
  const parsed = parseDemoArgs(process.argv.slice(2));
  let code: number;
  if ('help' in parsed) {
    process.stdout.write(USAGE);
    code = ExitCode.Ok;
  } else if ('error' in parsed) {
    process.stderr.write(`precog demo: ${parsed.error}\n`);
    code = ExitCode.Usage;
  } else {
    code = await runDemo(parsed);
  }
  process.exit(code);
}
