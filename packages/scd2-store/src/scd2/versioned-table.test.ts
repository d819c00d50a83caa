import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendNames, openTestStore, type TestStore, uid } from '../../test/support/backends';
import { ConstraintViolationError, PrecisionError, StoreError, VersionOrderError } from '../errors';
import type { MarketInput } from '../repositories/markets';
import { marketsDefinition, marketsMaterialityRule } from '../repositories/markets';
import type { Store } from '../store';

function market(ticker: string, over: Partial<MarketInput> = {}): MarketInput {
  return {
    ticker,
    eventTicker: 'EV-1',
    title: 'Chiefs win?',
    status: 'active',
    yesBid: '0.5500',
    yesAsk: '0.5700',
    noBid: '0.4300',
    noAsk: '0.4500',
    lastPrice: '0.5600',
    volume: '120',
    openInterest: '80',
    ...over,
  };
}

async function countRows(store: Store, tickers: string[]): Promise<number> {
  const result = await store.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM markets WHERE ticker = ANY($1)',
    [tickers],
  );
  return result.rows[0]!.n;
}

describe.each(backendNames)('VersionedTable on %s', (backend) => {
  let t: TestStore;
  let store: Store;

  beforeAll(async () => {
    t = await openTestStore(backend);
    store = t.store;
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('inserts a first version of a new key as the current row, with every column exact', async () => {
    const ticker = uid('MKT');
    const at = new Date('2026-01-05T10:00:00.123Z');
    const result = await store.markets.upsertVersions([market(ticker, { metadata: { raw: 1 } })], { at });
    expect(result).toEqual({ inserted: 1, versioned: 0, unchanged: 0 });
    const [row] = await store.markets.current({ ticker });
    expect(row).toBeDefined();
    const plain = {
      ...row!,
      id: undefined,
      yesBid: row!.yesBid?.toString(),
      yesAsk: row!.yesAsk?.toString(),
      noBid: row!.noBid?.toString(),
      noAsk: row!.noAsk?.toString(),
      lastPrice: row!.lastPrice?.toString(),
      volume: row!.volume?.toString(),
      openInterest: row!.openInterest?.toString(),
    };
    expect(plain).toEqual({
      id: undefined,
      platformId: 'kalshi',
      ticker,
      eventTicker: 'EV-1',
      title: 'Chiefs win?',
      status: 'active',
      yesBid: '0.55',
      yesAsk: '0.57',
      noBid: '0.43',
      noAsk: '0.45',
      lastPrice: '0.56',
      volume: '120',
      openInterest: '80',
      result: '',
      metadata: { raw: 1 },
      rowCurrentInd: true,
      rowStartTs: at,
      rowEndTs: null,
    });
    expect(Decimal.isDecimal(row!.yesBid)).toBe(true);
  });

  it('writes nothing for an identical batch, even when decimals are spelled differently', async () => {
    const ticker = uid('MKT');
    await store.markets.upsertVersions([market(ticker)]);
    const again = await store.markets.upsertVersions([
      market(ticker, { yesBid: new Decimal('0.55'), volume: '120.00', metadata: { ignored: true } }),
    ]);
    expect(again).toEqual({ inserted: 0, versioned: 0, unchanged: 1 });
    expect(await countRows(store, [ticker])).toBe(1);
  });

  it('closes the current version and opens a new one at a single batch timestamp', async () => {
    const a = uid('MKT');
    const b = uid('MKT');
    const t1 = new Date('2026-02-01T00:00:00.000Z');
    const t2 = new Date('2026-02-01T00:05:00.000Z');
    await store.markets.upsertVersions([market(a), market(b)], { at: t1 });
    const result = await store.markets.upsertVersions(
      [market(a, { yesBid: '0.6000' }), market(b, { status: 'closed' }), market(uid('MKT'))],
      { at: t2 },
    );
    expect(result).toEqual({ inserted: 1, versioned: 2, unchanged: 0 });
    const history = await store.markets.history({ ticker: a });
    expect(history.map((r) => [r.yesBid?.toString(), r.rowStartTs, r.rowEndTs, r.rowCurrentInd])).toEqual([
      ['0.55', t1, t2, false],
      ['0.6', t2, null, true],
    ]);
    const historyB = await store.markets.history({ ticker: b });
    expect(historyB.map((r) => r.status)).toEqual(['active', 'closed']);
    expect(historyB[1]!.rowStartTs).toEqual(t2);
  });

  it('treats a value becoming NULL, and NULL becoming a value, as changes', async () => {
    const ticker = uid('MKT');
    await store.markets.upsertVersions([market(ticker)]);
    expect(await store.markets.upsertVersions([market(ticker, { yesBid: null })])).toEqual({
      inserted: 0,
      versioned: 1,
      unchanged: 0,
    });
    expect(await store.markets.upsertVersions([market(ticker, { yesBid: null })])).toEqual({
      inserted: 0,
      versioned: 0,
      unchanged: 1,
    });
    expect(await store.markets.upsertVersions([market(ticker, { yesBid: '0.01' })])).toEqual({
      inserted: 0,
      versioned: 1,
      unchanged: 0,
    });
    const history = await store.markets.history({ ticker });
    expect(history.map((r) => r.yesBid?.toString() ?? null)).toEqual(['0.55', null, '0.01']);
  });

  it('passes awkward text through exactly (quotes, braces, backslashes, commas, the word NULL)', async () => {
    const ticker = `${uid('MKT')}-NULL`;
    const title = 'He said "yes", {maybe} \\ back\\slash, NULL';
    const other = uid('MKT');
    await store.markets.upsertVersions([
      market(ticker, { title, metadata: { quote: '"', list: [1, null, 'x,y'] } }),
      market(other, { title: 'NULL', eventTicker: '' }),
    ]);
    const [row] = await store.markets.current({ ticker });
    expect([row!.title, row!.metadata]).toEqual([title, { quote: '"', list: [1, null, 'x,y'] }]);
    const [second] = await store.markets.current({ ticker: other });
    expect([second!.title, second!.eventTicker]).toEqual(['NULL', '']);
    expect(
      await store.markets.upsertVersions([
        market(ticker, { title }),
        market(other, { title: 'NULL', eventTicker: '' }),
      ]),
    ).toEqual({ inserted: 0, versioned: 0, unchanged: 2 });
  });

  it('loses no update when another writer changed a key this writer still remembers', async () => {
    // Two engines on the same table, each with its own memory of current versions.
    const other = store.versionedTable<MarketInput, MarketInput>(marketsDefinition);
    const ticker = uid('MKT');
    await store.markets.upsertVersions([market(ticker, { lastPrice: '0.1' })]);
    await other.upsertVersions([market(ticker, { lastPrice: '0.2' })]);
    // Same input as this writer's last batch, but the table moved on: it must be written again.
    expect(await store.markets.upsertVersions([market(ticker, { lastPrice: '0.1' })])).toEqual({
      inserted: 0,
      versioned: 1,
      unchanged: 0,
    });
    expect(await store.markets.upsertVersions([market(ticker, { lastPrice: '0.1000' })])).toEqual({
      inserted: 0,
      versioned: 0,
      unchanged: 1,
    });
    const history = await store.markets.history({ ticker });
    expect(history.map((r) => r.lastPrice?.toString())).toEqual(['0.1', '0.2', '0.1']);
  });

  it('sees a change written by raw SQL since its last batch', async () => {
    const ticker = uid('MKT');
    await store.markets.upsertVersions([market(ticker)]);
    await store.transaction(async (tx) => {
      await tx.query(
        "UPDATE markets SET row_current_ind = false, row_end_ts = row_start_ts + interval '1 millisecond' WHERE ticker = $1 AND row_current_ind",
        [ticker],
      );
      await tx.query(
        `INSERT INTO markets (ticker, event_ticker, status, row_start_ts)
         SELECT $1, 'EV-1', 'closed', row_end_ts FROM markets WHERE ticker = $1`,
        [ticker],
      );
    });
    expect(await store.markets.upsertVersions([market(ticker)])).toEqual({
      inserted: 0,
      versioned: 1,
      unchanged: 0,
    });
  });

  it('keeps the last row when a key appears twice in one batch', async () => {
    const ticker = uid('MKT');
    const result = await store.markets.upsertVersions([
      market(ticker, { status: 'first' }),
      market(ticker, { status: 'last' }),
    ]);
    expect(result).toEqual({ inserted: 1, versioned: 0, unchanged: 0 });
    expect((await store.markets.current({ ticker })).map((r) => r.status)).toEqual(['last']);
  });

  it('moves the version timestamp past the previous start when the clock has not advanced', async () => {
    const ticker = uid('MKT');
    const future = new Date(Date.now() + 60 * 60 * 1000);
    await store.markets.upsertVersions([market(ticker)], { at: future });
    await store.markets.upsertVersions([market(ticker, { lastPrice: '0.9' })]);
    const history = await store.markets.history({ ticker });
    expect(history[1]!.rowStartTs.getTime()).toBe(future.getTime() + 1);
    expect(history[0]!.rowEndTs).toEqual(history[1]!.rowStartTs);
  });

  it('refuses an explicit timestamp that is not later than the current version start', async () => {
    const ticker = uid('MKT');
    const at = new Date('2026-03-01T00:00:00.000Z');
    await store.markets.upsertVersions([market(ticker)], { at });
    await expect(
      store.markets.upsertVersions([market(ticker, { lastPrice: '0.1' })], { at }),
    ).rejects.toBeInstanceOf(VersionOrderError);
    expect(await countRows(store, [ticker])).toBe(1);
  });

  it('answers as-of reads from the version valid at that time', async () => {
    const ticker = uid('MKT');
    const t1 = new Date('2026-04-01T00:00:00.000Z');
    const t2 = new Date('2026-04-01T01:00:00.000Z');
    await store.markets.upsertVersions([market(ticker, { lastPrice: '0.1' })], { at: t1 });
    await store.markets.upsertVersions([market(ticker, { lastPrice: '0.2' })], { at: t2 });
    const at = async (d: string) =>
      (await store.markets.asOf(new Date(d), { ticker })).map((r) => r.lastPrice?.toString());
    expect(await at('2026-03-31T23:59:59.999Z')).toEqual([]);
    expect(await at('2026-04-01T00:00:00.000Z')).toEqual(['0.1']);
    expect(await at('2026-04-01T00:59:59.999Z')).toEqual(['0.1']);
    expect(await at('2026-04-01T01:00:00.000Z')).toEqual(['0.2']);
    // Without the full key the general predicate is used; same answer.
    const byEvent = await store.markets.asOf(new Date('2026-04-01T00:30:00.000Z'), {
      eventTicker: 'EV-1',
      ticker,
    });
    expect(byEvent.map((r) => r.lastPrice?.toString())).toEqual(['0.1']);
  });

  it('serves a one-key as-of read from the (key, row_start_ts) index', async () => {
    const ticker = uid('MKT');
    await store.markets.upsertVersions([market(ticker)]);
    const plan = (await store.markets.explainAsOf(new Date(), { ticker })).join('\n');
    expect(plan).toMatch(/Index Scan Backward using markets_key_start_idx/);
  });

  it('lists the versions that started in a window, marking inserts and replacements', async () => {
    const ticker = uid('MKT');
    const t1 = new Date('2027-05-01T00:00:00.000Z');
    const t2 = new Date('2027-05-02T00:00:00.000Z');
    await store.markets.upsertVersions([market(ticker)], { at: t1 });
    await store.markets.upsertVersions([market(ticker, { status: 'closed' })], { at: t2 });
    const changes = await store.markets.changesBetween(
      new Date('2027-04-30T00:00:00Z'),
      new Date('2027-05-03T00:00:00Z'),
    );
    const mine = changes.filter((c) => c.ticker === ticker);
    expect(mine.map((c) => [c.change, c.status, c.rowStartTs])).toEqual([
      ['inserted', 'active', t1],
      ['versioned', 'closed', t2],
    ]);
    const later = await store.markets.changesBetween(t1, t2);
    expect(later.filter((c) => c.ticker === ticker).map((c) => c.change)).toEqual(['versioned']);
  });

  it('refuses a value with more digits than its column keeps, and writes nothing of the batch', async () => {
    const ok = uid('MKT');
    const bad = uid('MKT');
    const error = await store.markets
      .upsertVersions([market(ok), market(bad, { yesBid: '0.1234567' })])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrecisionError);
    expect((error as PrecisionError).column).toBe('yes_bid');
    expect((error as PrecisionError).value).toBe('0.1234567');
    expect((error as Error).message).toBe(
      'markets.yes_bid is numeric(10,6): 0.1234567 has 7 decimal places, more than the 6 the column keeps; nothing was written',
    );
    expect(await countRows(store, [ok, bad])).toBe(0);
    await expect(
      store.markets.upsertVersions([market(ok, { volume: '123456789012345' })]),
    ).rejects.toBeInstanceOf(PrecisionError);
  });

  it('refuses a JS float for a decimal column', async () => {
    await expect(
      store.markets.upsertVersions([market(uid('MKT'), { yesBid: 0.5 as unknown as string })]),
    ).rejects.toThrow('never a float');
  });

  it('rolls the whole batch back when one row breaks a constraint', async () => {
    const ok = uid('MKT');
    const existing = uid('MKT');
    await store.markets.upsertVersions([market(existing)]);
    const error = await store.markets
      .upsertVersions([
        market(ok),
        market(existing, { status: 'closed' }),
        market(uid('MKT'), { yesBid: '1.5' }),
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConstraintViolationError);
    expect((error as ConstraintViolationError).constraint).toBe('markets_yes_bid_check');
    expect((error as ConstraintViolationError).table).toBe('markets');
    expect(await countRows(store, [ok])).toBe(0);
    expect((await store.markets.current({ ticker: existing })).map((r) => r.status)).toEqual(['active']);
    expect(await countRows(store, [existing])).toBe(1);
  });

  it('applies a materiality rule when one is given', async () => {
    const table = store.versionedTable<MarketInput, MarketInput>({
      ...marketsDefinition,
      materiality: marketsMaterialityRule,
    });
    const ticker = uid('MKT');
    await table.upsertVersions([market(ticker)]);
    expect(await table.upsertVersions([market(ticker, { yesBid: '0.5550' })])).toEqual({
      inserted: 0,
      versioned: 0,
      unchanged: 1,
    });
    expect(await table.upsertVersions([market(ticker, { yesBid: '0.5600' })])).toEqual({
      inserted: 0,
      versioned: 1,
      unchanged: 0,
    });
    expect(await table.upsertVersions([market(ticker, { yesBid: '0.5600', status: 'closed' })])).toEqual({
      inserted: 0,
      versioned: 1,
      unchanged: 0,
    });
  });

  it('returns zero counts for an empty batch', async () => {
    expect(await store.markets.upsertVersions([])).toEqual({ inserted: 0, versioned: 0, unchanged: 0 });
  });

  it('refuses a history read without the business key, and an unknown filter field', async () => {
    await expect(store.markets.history({})).rejects.toThrow('needs the key field ticker');
    await expect(
      store.markets.current({ nope: 1 } as unknown as Partial<MarketInput>),
    ).rejects.toBeInstanceOf(StoreError);
  });

  it('filters current rows by NULL', async () => {
    const ticker = uid('MKT');
    await store.markets.upsertVersions([market(ticker, { title: null })]);
    expect((await store.markets.current({ ticker, title: null })).map((r) => r.ticker)).toEqual([ticker]);
  });
});
