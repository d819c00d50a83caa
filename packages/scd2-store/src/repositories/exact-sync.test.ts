import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendNames, openTestStore, type TestStore, uid } from '../../test/support/backends';
import { AppendOnlyViolationError, PrecisionError, UnstorableTextError } from '../errors';
import { defaultMigrationsDir } from '../migrator/files';
import type { FillInput } from './trades';

function fill(id: string, over: Partial<FillInput> = {}): FillInput {
  return {
    externalTradeId: id,
    ticker: 'KXDECI-26-A',
    side: 'yes',
    action: 'buy',
    price: '0.051',
    quantity: '1.33',
    fees: '0.001',
    executedAt: new Date('2026-09-14T17:05:09.000Z'),
    ...over,
  };
}

describe.each(backendNames)('migration 0009 on %s', (backend) => {
  let t: TestStore;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'precog-0009-'));
    for (const file of readdirSync(defaultMigrationsDir())) {
      if (file.endsWith('.sql') && file < '0009')
        copyFileSync(join(defaultMigrationsDir(), file), join(dir, file));
    }
    t = await openTestStore(backend, { empty: true, migrationsDir: dir });
  });
  afterAll(async () => {
    await t?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('widens prices and money to 6 places and keeps every stored value', async () => {
    const { store } = t;
    await store.migrate();
    await store.query(
      `INSERT INTO trades (external_trade_id, ticker, side, action, price, quantity, fees, executed_at)
       VALUES ('old-1', 'KXOLD', 'yes', 'buy', 0.5612, 10.50, 0.1234, '2026-01-01T00:00:00Z')`,
    );
    await store.positions.upsertVersions([
      { positionKey: 'pk-old', ticker: 'KXOLD', side: 'yes', quantity: '3.00', marketExposure: '1234.5678' },
    ]);
    copyFileSync(join(defaultMigrationsDir(), '0009_exact_sync.sql'), join(dir, '0009_exact_sync.sql'));
    const applied = await store.migrate();
    expect(applied.map((m) => m.name)).toEqual(['0009_exact_sync.sql']);

    const [trade] = await store.trades.list({ externalTradeId: 'old-1' });
    expect(trade?.price.toFixed()).toBe('0.5612');
    expect(trade?.fees.toFixed()).toBe('0.1234');
    const [position] = await store.positions.current({ positionKey: 'pk-old' });
    expect(position?.marketExposure?.toFixed()).toBe('1234.5678');

    const types = await store.query<{
      column_name: string;
      numeric_precision: number;
      numeric_scale: number;
    }>(
      `SELECT column_name, numeric_precision, numeric_scale FROM information_schema.columns
       WHERE table_name = 'positions' AND column_name IN ('market_exposure', 'total_traded', 'fees_paid', 'realized_pnl', 'entry_price')
         AND table_schema = current_schema() ORDER BY column_name`,
    );
    expect(types.rows.map((r) => `${r.column_name} ${r.numeric_precision},${r.numeric_scale}`)).toEqual([
      'entry_price 10,6',
      'fees_paid 20,6',
      'market_exposure 20,6',
      'realized_pnl 20,6',
      'total_traded 20,6',
    ]);

    // The SCD2 engine still versions and the append-only trigger still refuses changes.
    await store.positions.upsertVersions([
      { positionKey: 'pk-old', ticker: 'KXOLD', side: 'yes', quantity: '4.33', marketExposure: '0.06783' },
    ]);
    const history = await store.positions.history({ positionKey: 'pk-old' });
    expect(history.map((v) => v.marketExposure?.toFixed())).toEqual(['1234.5678', '0.06783']);
    await expect(
      store.query(`UPDATE trades SET fees = 0 WHERE external_trade_id = 'old-1'`),
    ).rejects.toBeInstanceOf(AppendOnlyViolationError);
  });
});

describe.each(backendNames)('exact sync tables on %s', (backend) => {
  let t: TestStore;

  beforeAll(async () => {
    t = await openTestStore(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('stores a 5-decimal exposure and refuses a 7th decimal', async () => {
    const key = uid('PK');
    await t.store.positions.upsertVersions([
      { positionKey: key, ticker: 'KXDECI', side: 'yes', quantity: '1.33', marketExposure: '0.06783' },
    ]);
    const [row] = await t.store.positions.current({ positionKey: key });
    expect(row?.marketExposure?.toFixed()).toBe('0.06783');
    await expect(
      t.store.positions.upsertVersions([
        { positionKey: key, ticker: 'KXDECI', side: 'yes', quantity: '1.33', marketExposure: '0.0678301' },
      ]),
    ).rejects.toBeInstanceOf(PrecisionError);
  });

  it('records a changed fill as a correction linked to the original, and readers see the corrected figures', async () => {
    const id = uid('F');
    expect(await t.store.trades.ingestFills([fill(id)])).toEqual({
      inserted: 1,
      duplicates: 0,
      corrections: [],
    });
    const same = await t.store.trades.ingestFills([fill(id)]);
    expect(same).toEqual({ inserted: 0, duplicates: 1, corrections: [] });

    const changed = await t.store.trades.ingestFills([fill(id, { fees: '0.002', quantity: '1.30' })]);
    const [original] = await t.store.trades.list({ externalTradeId: id });
    expect(changed.inserted).toBe(0);
    expect(changed.duplicates).toBe(0);
    expect(changed.corrections).toHaveLength(1);
    expect(changed.corrections[0]?.tradeId).toBe(original?.tradeId);
    // The original row is untouched; the current figures are the corrected ones.
    expect(original?.fees.toFixed()).toBe('0.001');
    const [current] = await t.store.trades.current({ externalTradeId: id });
    expect(current?.fees.toFixed()).toBe('0.002');
    expect(current?.quantity.toFixed()).toBe('1.3');
    expect(current?.latestCorrectionId).toBe(changed.corrections[0]?.correctionId);
    // The same corrected figures again write nothing.
    expect(await t.store.trades.ingestFills([fill(id, { fees: '0.002', quantity: '1.30' })])).toEqual({
      inserted: 0,
      duplicates: 1,
      corrections: [],
    });
    await expect(t.store.query('DELETE FROM trade_corrections')).rejects.toBeInstanceOf(
      AppendOnlyViolationError,
    );
  });

  it('checks one fill without writing: a NUL character or a 7th decimal is named before the batch', () => {
    expect(() => t.store.trades.check(fill('x', { orderId: 'ord\u0000' }))).toThrow(UnstorableTextError);
    expect(() => t.store.trades.check(fill('x', { metadata: { note: 'a\u0000b' } }))).toThrow(
      UnstorableTextError,
    );
    expect(() => t.store.trades.check(fill('x', { price: '0.0510001' }))).toThrow(PrecisionError);
    expect(() => t.store.trades.check(fill('x'))).not.toThrow();
  });

  it('keeps ingest errors append-only, NUL characters included', async () => {
    const stream = uid('S');
    await t.store.ingestErrors.record([
      {
        stream,
        itemKind: 'fill',
        itemId: 'f-bad',
        itemPath: 'order_id',
        reason: 'text with a NUL \u0000',
        rawJson: '{"order_id":"a\\u0000"}',
        occurredAt: new Date('2026-12-06T17:00:00Z'),
      },
    ]);
    const rows = await t.store.ingestErrors.list({ stream });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.itemId).toBe('f-bad');
    expect(rows[0]?.reason).toBe('text with a NUL \\u0000');
    await expect(t.store.query('DELETE FROM ingest_errors')).rejects.toBeInstanceOf(AppendOnlyViolationError);
  });

  it('moves a high-water mark forward only', async () => {
    const stream = uid('fills');
    expect(await t.store.syncMarks.get(stream)).toBeUndefined();
    await t.store.syncMarks.advance(stream, new Date('2026-12-01T00:00:00Z'));
    await t.store.syncMarks.advance(stream, new Date('2026-11-01T00:00:00Z'));
    expect(await t.store.syncMarks.get(stream)).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(await t.store.syncMarks.get(stream, { subaccount: 2 })).toBeUndefined();
  });
});
