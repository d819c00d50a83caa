/**
 * `pnpm bench`: a market poll of 5,000 markets with 0 %, 10 % and 100 % changed, on PGlite and
 * (when DATABASE_URL is set) on PostgreSQL, comparing
 *   (a) the reference design's per-row way: SELECT the current row, compare in JS, then UPDATE +
 *       INSERT in a transaction for each changed market;
 *   (b) `store.markets.upsertVersions(rows)`;
 *   (c) the ceiling: one bare INSERT of only the changed rows into an exact copy of the markets
 *       table (`LIKE markets INCLUDING ALL`: same columns, checks, indexes, plus its foreign key),
 *       i.e. the cost of writing the new versions with no versioning work at all;
 * and an as-of read of one market over 1,000,000 history rows, with its plan.
 * Prints a Markdown table; results are copied into docs/benchmarks.md by hand.
 */
import { randomBytes } from 'node:crypto';
import Decimal from 'decimal.js';
import pg from 'pg';
import { type MarketInput, marketsDefinition, openStore, type Store } from '../src/index';

const MARKETS = 5_000;
const HISTORY_KEYS = 1_000;
const HISTORY_VERSIONS = 1_000; // 1,000 keys × 1,000 versions = 1,000,000 rows
const databaseUrl = process.env.DATABASE_URL;
/** BENCH_QUICK=1 skips PGlite and the 1,000,000-row as-of part (for iterating on the engine). */
const quick = process.env.BENCH_QUICK === '1';

interface Timing {
  backend: string;
  changed: string;
  perRow: number;
  upsert: number;
  cold: number;
  ceiling: number;
  written: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function basePoll(): MarketInput[] {
  return Array.from({ length: MARKETS }, (_, i) => ({
    ticker: `BENCH-${String(i).padStart(5, '0')}`,
    eventTicker: `BENCH-EV-${Math.floor(i / 2)}`,
    title: `Bench market ${i}`,
    status: 'active',
    yesBid: '0.4000',
    yesAsk: '0.4200',
    noBid: '0.5800',
    noAsk: '0.6000',
    lastPrice: '0.4100',
    volume: '100',
    openInterest: '50',
  }));
}

/** The next poll: `fraction` of the markets get a new last price and volume. */
function nextPoll(current: MarketInput[], fraction: number, round: number): MarketInput[] {
  const every = fraction === 0 ? 0 : Math.round(1 / fraction);
  return current.map((row, i) =>
    every !== 0 && (i + round) % every === 0
      ? {
          ...row,
          lastPrice: new Decimal(String(row.lastPrice)).plus('0.0001').mod(1).toFixed(4),
          volume: new Decimal(String(row.volume)).plus(1).toFixed(),
        }
      : row,
  );
}

const TRACKED = [
  'event_ticker',
  'title',
  'status',
  'yes_bid',
  'yes_ask',
  'no_bid',
  'no_ask',
  'last_price',
  'volume',
  'open_interest',
] as const;
const FIELDS = [
  'eventTicker',
  'title',
  'status',
  'yesBid',
  'yesAsk',
  'noBid',
  'noAsk',
  'lastPrice',
  'volume',
  'openInterest',
] as const;

function differs(current: Record<string, unknown>, row: MarketInput): boolean {
  return TRACKED.some((column, i) => {
    const a = current[column];
    const b = (row as unknown as Record<string, unknown>)[FIELDS[i]!];
    if (a === null || b === null || b === undefined) {
      return (a ?? null) !== (b ?? null);
    }
    return Decimal.isDecimal(a) ? !(a as Decimal).eq(String(b)) : a !== b;
  });
}

/** (a) The per-row way of the reference design. */
async function perRow(store: Store, rows: MarketInput[]): Promise<number> {
  let written = 0;
  for (const row of rows) {
    const found = await store.query<Record<string, unknown>>(
      `SELECT id, ${TRACKED.join(', ')} FROM markets WHERE platform_id = 'kalshi' AND ticker = $1 AND row_current_ind`,
      [row.ticker],
    );
    const current = found.rows[0];
    if (current !== undefined && !differs(current, row)) {
      continue;
    }
    written += 1;
    await store.transaction(async (tx) => {
      if (current !== undefined) {
        await tx.query('UPDATE markets SET row_current_ind = false, row_end_ts = now() WHERE id = $1', [
          current.id,
        ]);
      }
      await tx.query(
        `INSERT INTO markets (ticker, ${TRACKED.join(', ')}, row_current_ind, row_start_ts)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true, now())`,
        [row.ticker, ...FIELDS.map((f) => (row as unknown as Record<string, unknown>)[f] ?? null)],
      );
    });
  }
  return written;
}

/** (c) The ceiling: one INSERT of only the changed rows, nothing else. */
async function ceiling(store: Store, changed: MarketInput[], round: number): Promise<void> {
  const records = changed.map((row) => ({
    // Suffixed per round so the copy's unique index on current keys never fires.
    ticker: `${row.ticker}#${round}`,
    ...Object.fromEntries(
      TRACKED.map((c, i) => [c, (row as unknown as Record<string, unknown>)[FIELDS[i]!] ?? null]),
    ),
  }));
  await store.query(
    `INSERT INTO bench_ceiling (ticker, ${TRACKED.join(', ')}, row_current_ind, row_start_ts)
SELECT ticker, ${TRACKED.join(', ')}, true, now() FROM jsonb_to_recordset($1::jsonb) AS x(ticker text,
  event_ticker text, title text, status text, yes_bid numeric(10,4), yes_ask numeric(10,4), no_bid numeric(10,4),
  no_ask numeric(10,4), last_price numeric(10,4), volume numeric(16,2), open_interest numeric(16,2))`,
    [JSON.stringify(records)],
  );
}

async function countMarkets(store: Store): Promise<number> {
  return (await store.query<{ n: number }>('SELECT count(*)::int AS n FROM markets')).rows[0]!.n;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * Each approach runs on its own database (so the per-row writer never invalidates what the
 * engine remembers), seeded with the same 5,000 markets, then polled `repeats` times per scenario.
 * "cold" is upsertVersions through a fresh engine instance (as a new process, or after another
 * writer touched the table): the full comparison of all 5,000 rows in SQL.
 */
async function pollBench(
  backend: string,
  open: () => Promise<[Store, () => Promise<void>]>,
): Promise<Timing[]> {
  const [rowStore, closeRowStore] = await open();
  const [store, closeStore] = await open();
  try {
    await store.query('CREATE TABLE bench_ceiling (LIKE markets INCLUDING ALL)');
    await store.query(
      'ALTER TABLE bench_ceiling ADD FOREIGN KEY (platform_id) REFERENCES platforms (platform_id)',
    );
    let rowState = basePoll();
    let state = basePoll();
    await rowStore.markets.upsertVersions(rowState);
    await store.markets.upsertVersions(state);
    const timings: Timing[] = [];
    let round = 0;
    for (const fraction of [0, 0.1, 1]) {
      const perRowTimes: number[] = [];
      const upsertTimes: number[] = [];
      const coldTimes: number[] = [];
      const ceilingTimes: number[] = [];
      let written = 0;
      const repeats = 5;
      for (let r = 0; r < repeats; r += 1) {
        round += 1;
        rowState = nextPoll(rowState, fraction, round);
        state = nextPoll(state, fraction, round);
        const changed = state.filter(
          (_, i) => fraction !== 0 && (i + round) % Math.round(1 / fraction) === 0,
        );
        perRowTimes.push(await time(() => perRow(rowStore, rowState)));
        const before = await countMarkets(store);
        let result = { inserted: 0, versioned: 0, unchanged: 0 };
        upsertTimes.push(
          await time(async () => {
            result = await store.markets.upsertVersions(state);
          }),
        );
        written = (await countMarkets(store)) - before;
        if (written !== result.versioned + result.inserted || written !== changed.length) {
          throw new Error(`row count moved by ${written}, upsertVersions reported ${JSON.stringify(result)}`);
        }
        ceilingTimes.push(await time(() => ceiling(store, changed, round)));
        // Cold: one more poll through an engine that remembers nothing.
        round += 1;
        state = nextPoll(state, fraction, round);
        const fresh = store.versionedTable<MarketInput, MarketInput>(marketsDefinition);
        coldTimes.push(await time(() => fresh.upsertVersions(state)));
        // The fresh engine's versions are news to store.markets: an identical poll re-learns them.
        await store.markets.upsertVersions(state);
        rowState = nextPoll(rowState, fraction, round);
        await rowStore.markets.upsertVersions(rowState);
      }
      timings.push({
        backend,
        changed: `${fraction * 100} %`,
        perRow: median(perRowTimes),
        upsert: median(upsertTimes),
        cold: median(coldTimes),
        ceiling: median(ceilingTimes),
        written,
      });
      console.error(`${backend} ${fraction * 100} % done`);
    }
    return timings;
  } finally {
    await closeRowStore();
    await closeStore();
  }
}

async function asOfBench(backend: string, store: Store): Promise<string[]> {
  const started = performance.now();
  await store.query(
    `INSERT INTO markets (ticker, event_ticker, status, last_price, row_current_ind, row_start_ts, row_end_ts)
SELECT 'HIST-' || k, 'HIST-EV', 'active', (v % 100) / 100.0, v = $1 - 1,
  timestamptz '2026-01-01' + v * interval '1 minute',
  CASE WHEN v = $1 - 1 THEN NULL ELSE timestamptz '2026-01-01' + (v + 1) * interval '1 minute' END
FROM generate_series(0, $2 - 1) AS k, generate_series(0, $1 - 1) AS v`,
    [HISTORY_VERSIONS, HISTORY_KEYS],
  );
  await store.query('ANALYZE markets');
  const loadMs = performance.now() - started;
  const total = await countMarkets(store);
  const times: number[] = [];
  for (let i = 0; i < 500; i += 1) {
    const minute = (i * 7919) % HISTORY_VERSIONS;
    const at = new Date(Date.UTC(2026, 0, 1) + minute * 60_000 + 30_000);
    const ticker = `HIST-${(i * 104_729) % HISTORY_KEYS}`;
    times.push(
      await time(async () => {
        const rows = await store.markets.asOf(at, { ticker });
        if (rows.length !== 1 || !rows[0]!.lastPrice!.eq(new Decimal(minute % 100).div(100))) {
          throw new Error(`wrong as-of answer for ${ticker} at ${at.toISOString()}`);
        }
      }),
    );
  }
  const plan = await store.markets.explainAsOf(new Date(Date.UTC(2026, 0, 1, 8)), { ticker: 'HIST-500' });
  const sorted = [...times].sort((a, b) => a - b);
  return [
    `${backend}: ${total.toLocaleString('en-US')} rows in markets (history loaded in ${(loadMs / 1000).toFixed(1)} s); ` +
      `as-of read of one market: median ${median(times).toFixed(2)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2)} ms over 500 reads`,
    '',
    '```',
    ...plan,
    '```',
  ];
}

function table(timings: Timing[]): string[] {
  const lines = [
    '| backend | changed | written | (a) per-row | (b) upsertVersions | (b) cold | (c) ceiling | a / b | b / c | cold / c |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const ratio = (x: number, y: number) => (y < 1 ? '—' : `${(x / y).toFixed(1)}×`);
  for (const t of timings) {
    lines.push(
      `| ${t.backend} | ${t.changed} | ${t.written} | ${ms(t.perRow)} | ${ms(t.upsert)} | ${ms(t.cold)} | ${ms(t.ceiling)} | ${(t.perRow / t.upsert).toFixed(1)}× | ${ratio(t.upsert, t.ceiling)} | ${ratio(t.cold, t.ceiling)} |`,
    );
  }
  return lines;
}

async function openPostgres(): Promise<[Store, () => Promise<void>]> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const store = await openStore({ databaseUrl: url.toString() });
  await store.migrate();
  return [
    store,
    async () => {
      await store.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  ];
}

async function openPglite(): Promise<[Store, () => Promise<void>]> {
  const store = await openStore();
  await store.migrate();
  return [store, () => store.close()];
}

async function using<T>(
  open: () => Promise<[Store, () => Promise<void>]>,
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const [store, close] = await open();
  try {
    return await fn(store);
  } finally {
    await close();
  }
}

const timings: Timing[] = [];
const asOf: string[] = [];
if (!quick) {
  timings.push(...(await pollBench('PGlite', openPglite)));
}
if (databaseUrl === undefined || databaseUrl === '') {
  console.error('DATABASE_URL is not set: skipping the PostgreSQL half of the benchmark');
} else {
  timings.push(...(await pollBench('PostgreSQL', openPostgres)));
  if (!quick) {
    asOf.push(...(await using(openPostgres, (store) => asOfBench('PostgreSQL', store))));
  }
}
if (!quick) {
  asOf.push('', ...(await using(openPglite, (store) => asOfBench('PGlite', store))));
}
console.log([...table(timings), '', ...asOf].join('\n'));
