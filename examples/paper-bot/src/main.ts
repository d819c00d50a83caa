#!/usr/bin/env -S npx tsx
// `pnpm paper-bot`: one simulated NFL Sunday on the fake exchange (offline, in-memory PGlite),
// or with `--live` the Kalshi demo exchange with your credentials (see docs/paper-bot.md).
import { parseArgs } from 'node:util';
import { KalshiClient } from '@precog/kalshi-client';
import { runPaperBot } from './bot';
import { formatReport } from './report';

const HELP = `Usage: pnpm paper-bot [options]

  --ticks <n>          price ticks to simulate (live: polls). Default 12
  --seed <n>           seed of the offline price moves. Default 7
  --database-url <u>   PostgreSQL instead of the in-memory PGlite database
  --live               trade on the Kalshi demo exchange (needs KALSHI_DEMO_* credentials)
  --poll-ms <n>        live only: wait between polls. Default 30000
  --quiet              only the summary
  -h, --help           this text`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      ticks: { type: 'string' },
      seed: { type: 'string' },
      'database-url': { type: 'string' },
      live: { type: 'boolean', default: false },
      'poll-ms': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const int = (name: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${text}`);
    return n;
  };
  let live: { client: KalshiClient; pollMs: number } | undefined;
  const databaseUrl = values['database-url'] || process.env.PAPER_BOT_DATABASE_URL || undefined;
  const {
    kalshiClientSettings,
    kalshiRateLimitSettings,
    loadConfig,
    requireKalshiCredentials,
    storeSettings,
  } = await import('@precog/config');
  // Configuration only where it acts: PostgreSQL (system.yaml database.*) and live mode.
  // pnpm runs the script inside examples/paper-bot; .env.demo and ./config are where the user ran it.
  const config =
    databaseUrl !== undefined || values.live
      ? loadConfig({ cwd: process.env.INIT_CWD ?? process.cwd() })
      : undefined;
  if (values.live && config) {
    const credentials = requireKalshiCredentials(config);
    const shared = kalshiRateLimitSettings(config);
    if (credentials.environment !== 'demo')
      throw new Error('--live trades on the demo exchange only (PRECOG_ENV=demo)');
    live = {
      client: new KalshiClient({
        ...kalshiClientSettings(config),
        baseUrl: credentials.baseUrl,
        apiKeyId: credentials.apiKeyId,
        privateKey: credentials.privateKey,
        // KALSHI_RATE_LIMIT_URL: the key's budget shared through Redis with every other process.
        ...(shared
          ? { rateLimit: await (await import('@precog/redis-limiter')).createRedisLimiter(shared) }
          : {}),
      }),
      pollMs: int('poll-ms', values['poll-ms'], 30_000),
    };
  }
  const started = performance.now();
  const report = await runPaperBot({
    ticks: int('ticks', values.ticks, 12),
    seed: int('seed', values.seed, 7),
    databaseUrl,
    // system.yaml database.* (pool, timeouts, ssl_mode) on PostgreSQL.
    storeOptions: config && databaseUrl !== undefined ? storeSettings(config) : undefined,
    live,
    log: values.quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
  }).finally(() => live?.client.close());
  process.stdout.write(`${formatReport(report, performance.now() - started)}\n`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`paper-bot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
