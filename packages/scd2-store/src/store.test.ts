import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from './errors';
import { describeUrl, splitOptions } from './internal/pg-db';
import { openStore } from './store';

describe('openStore', () => {
  it('refuses both a database URL and a PGlite data directory', async () => {
    await expect(openStore({ databaseUrl: 'postgres://h/db', dataDir: '/tmp/x' })).rejects.toBeInstanceOf(
      StoreError,
    );
  });

  it('persists an embedded database in dataDir across reopenings', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'precog-pglite-'));
    try {
      const first = await openStore({ dataDir });
      expect(first.kind).toBe('pglite');
      expect(first.host).toBe(`pglite:${dataDir}`);
      await first.migrate();
      await first.markets.upsertVersions([
        { ticker: 'KEEP', eventTicker: 'E', status: 'active', yesBid: '0.4200' },
      ]);
      await first.close();
      await first.close();
      const second = await openStore({ dataDir });
      expect(await second.migrate()).toEqual([]);
      const [row] = await second.markets.current({ ticker: 'KEEP' });
      expect(row!.yesBid!.toFixed(4)).toBe('0.4200');
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('connection strings', () => {
  it('describes a URL as host:port/database without credentials', () => {
    expect(describeUrl('postgres://u:pw@db.example:6543/precog?sslmode=require')).toBe(
      'db.example:6543/precog',
    );
    expect(describeUrl('postgres://u@localhost/precog')).toBe('localhost:5432/precog');
    expect(describeUrl('not a url')).toBe('postgres (unparsable DATABASE_URL)');
  });

  it('keeps sessions in UTC while honouring options given in the URL', () => {
    expect(splitOptions('postgres://h/db')).toEqual({
      connectionString: 'postgres://h/db',
      sessionOptions: '-c TimeZone=UTC',
    });
    const split = splitOptions('postgres://h/db?options=-c%20search_path%3Dx&sslmode=disable');
    expect(split.sessionOptions).toBe('-c TimeZone=UTC -c search_path=x');
    expect(split.connectionString).toBe('postgres://h/db?sslmode=disable');
  });
});
