import { performance } from 'node:perf_hooks';
import { openStore } from '@precog/scd2-store';

const url = process.env.DATABASE_URL as string;
const schema = 'bench_scratch';
const admin = await openStore({ databaseUrl: url, poolSize: 1 });
const PER = Number(process.env.PER ?? 200);
if (process.env.SEED === '1') {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`CREATE SCHEMA ${schema}`);
}
const u = new URL(url);
u.searchParams.set('options', `-c search_path=${schema}`);
const store = await openStore({ databaseUrl: u.toString(), poolSize: 2 });
if (process.env.SEED === '1') {
  await store.migrate();
  await store.query(`
INSERT INTO markets (ticker, event_ticker, status, yes_bid, yes_ask, no_bid, no_ask, result, row_current_ind, row_start_ts, row_end_ts)
SELECT 'KXBENCH-' || m, 'KXBENCH', CASE WHEN k = ${PER - 1} AND m % 2 = 0 THEN 'settled' ELSE 'active' END,
 b.bid, b.bid + 0.02, 0.98 - b.bid, 1 - b.bid,
 CASE WHEN k = ${PER - 1} AND m % 2 = 0 THEN (CASE WHEN m % 4 = 0 THEN 'yes' ELSE 'no' END) ELSE '' END,
 k = ${PER - 1}, timestamptz '2026-01-01' + k * interval '1 minute' + m * interval '1 millisecond',
 CASE WHEN k = ${PER - 1} THEN NULL ELSE timestamptz '2026-01-01' + (k + 1) * interval '1 minute' + m * interval '1 millisecond' END
FROM generate_series(0, 999) AS m, generate_series(0, ${PER - 1}) AS k,
 LATERAL (SELECT round(0.30 + 0.40 * ((m * 7919 + k * 104729) % 1000) / 1000.0, 2) AS bid) AS b`);
  await store.query('ANALYZE markets');
}
const variants: Record<string, string> = {
  current: `id, ticker, event_ticker, status, yes_bid, yes_ask, no_bid, no_ask, last_price, result,
  metadata->>'yes_bid_size_fp' AS yes_bid_size, metadata->>'yes_ask_size_fp' AS yes_ask_size,
  metadata->>'close_time' AS close_time, (extract(epoch FROM row_start_ts) * 1000000)::int8 AS start_us`,
  ints: `id, ticker, event_ticker, status, (yes_bid*10000)::int4 AS yb, (yes_ask*10000)::int4 AS ya, (no_bid*10000)::int4 nb, (no_ask*10000)::int4 na, (last_price*10000)::int4 lp, result, volume::text AS volume,
  metadata->>'yes_bid_size_fp' AS yes_bid_size, metadata->>'yes_ask_size_fp' AS yes_ask_size,
  metadata->>'close_time' AS close_time, (extract(epoch FROM row_start_ts) * 1000000)::int8 AS start_us`,
  intsTs: `id, ticker, event_ticker, status, (yes_bid*10000)::int4 AS yb, (yes_ask*10000)::int4 AS ya, (no_bid*10000)::int4 nb, (no_ask*10000)::int4 na, (last_price*10000)::int4 lp, result, volume::text AS volume,
  metadata->>'yes_bid_size_fp' AS yes_bid_size, metadata->>'yes_ask_size_fp' AS yes_ask_size,
  metadata->>'close_time' AS close_time, ((row_start_ts - timestamptz 'epoch') ) AS iv`,
  packed: `id, concat_ws('|', ticker, event_ticker, status, (yes_bid*10000)::int4, (yes_ask*10000)::int4, (no_bid*10000)::int4, (no_ask*10000)::int4, (last_price*10000)::int4, result, volume, metadata->>'yes_bid_size_fp', metadata->>'yes_ask_size_fp', metadata->>'close_time') AS r, (extract(epoch FROM row_start_ts) * 1000000)::int8 AS start_us`,
  minimal: `id, (extract(epoch FROM row_start_ts) * 1000000)::int8 AS start_us`,
};
const pageSize = Number(process.env.PAGE ?? 5000);
for (const name of (process.env.V ?? Object.keys(variants).join(',')).split(',')) {
  const cols = variants[name];
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let after: any = null;
  let n = 0;
  for (;;) {
    const params: unknown[] = [after?.start_us ?? null, after?.id ?? 0, pageSize];
    const lower =
      after === null
        ? 'AND $1::int8 IS NULL AND $2::int8 = 0'
        : `AND (row_start_ts, id) > ((timestamptz 'epoch' + $1::int8 * interval '1 microsecond'), $2::int8)`;
    const { rows } = await store.query<any>(
      `SELECT ${cols} FROM markets WHERE platform_id = 'kalshi' ${lower} ORDER BY row_start_ts, id LIMIT $3`,
      params,
    );
    n += rows.length;
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1];
    if (after.start_us === undefined) after = { start_us: 0, id: after.id };
  }
  const c = process.cpuUsage(c0);
  console.log(
    name,
    n,
    'wall',
    ((performance.now() - t0) / 1000).toFixed(2),
    's client cpu',
    ((c.user + c.system) / 1e6).toFixed(2),
    's',
  );
}
await store.close();
await admin.close();
