import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backendNames, openTestStore, type TestStore } from '../../test/support/backends';
import {
  MigrationChangedError,
  MigrationError,
  MigrationFailedError,
  MigrationOutOfOrderError,
  MigrationVanishedError,
} from '../errors';
import { checksumOf, defaultMigrationsDir, readMigrationFiles } from './files';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'precog-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    writeFileSync(join(dir, name), sql);
  }
  return dir;
}

const ONE = 'CREATE TABLE alpha (id integer PRIMARY KEY);\nINSERT INTO alpha VALUES (1);\n';
const TWO = 'CREATE TABLE beta (id integer PRIMARY KEY);\n';
const THREE = 'ALTER TABLE beta ADD COLUMN note text;\n';

describe('migration files', () => {
  it('gives the same checksum whatever the line endings', () => {
    expect(checksumOf('a\r\nb\rc\n')).toBe(checksumOf('a\nb\nc\n'));
    expect(checksumOf('a\nb')).not.toBe(checksumOf('a\nb\n'));
  });

  it('reads numbered files in version order and ignores other files', () => {
    const dir = folder({ '0010_ten.sql': TWO, '0002_two.sql': ONE, 'README.md': 'x', 'notes.sql': 'x' });
    expect(readMigrationFiles(dir).map((f) => [f.version, f.name])).toEqual([
      [2, '0002_two.sql'],
      [10, '0010_ten.sql'],
    ]);
  });

  it('refuses two files with one version, naming the second', () => {
    const dir = folder({ '0001_a.sql': ONE, '001_b.sql': TWO });
    expect(() => readMigrationFiles(dir)).toThrow(MigrationError);
    expect(() => readMigrationFiles(dir)).toThrow(/share version 1/);
  });

  it('refuses a folder that does not exist', () => {
    expect(() => readMigrationFiles('/nonexistent/precog')).toThrow('does not exist');
  });

  it('finds the package migrations folder from the sources', () => {
    const files = readMigrationFiles(defaultMigrationsDir());
    expect(files[0]!.name).toBe('0001_core.sql');
    // Strictly increasing (parallel branches take assigned numbers, so a gap can exist until merged).
    const versions = files.map((f) => f.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe.each(backendNames)('migration runner on %s', (backend) => {
  let t: TestStore | undefined;
  const dirs: string[] = [];

  async function open(dir: string): Promise<TestStore> {
    dirs.push(dir);
    t = await openTestStore(backend, { empty: true, migrationsDir: dir });
    return t;
  }

  afterEach(async () => {
    await t?.dispose();
    t = undefined;
    for (const dir of dirs.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies pending files in order, each with its ledger row, and a re-run applies nothing', async () => {
    const dir = folder({ '0001_alpha.sql': ONE, '0002_beta.sql': TWO });
    const { store } = await open(dir);
    expect((await store.migrationStatus()).map((e) => [e.name, e.state])).toEqual([
      ['0001_alpha.sql', 'pending'],
      ['0002_beta.sql', 'pending'],
    ]);
    const applied = await store.migrate();
    expect(applied.map((m) => [m.version, m.name, m.checksum])).toEqual([
      [1, '0001_alpha.sql', checksumOf(ONE)],
      [2, '0002_beta.sql', checksumOf(TWO)],
    ]);
    expect(await store.migrate()).toEqual([]);
    const ledger = await store.query<{
      version: number;
      name: string;
      checksum: string;
      duration_ms: number;
    }>('SELECT version, name, checksum, duration_ms FROM schema_migrations ORDER BY version');
    expect(ledger.rows.map((r) => [r.version, r.name, r.checksum])).toEqual([
      [1, '0001_alpha.sql', checksumOf(ONE)],
      [2, '0002_beta.sql', checksumOf(TWO)],
    ]);
    expect(ledger.rows.every((r) => r.duration_ms >= 0)).toBe(true);
    const status = await store.migrationStatus();
    expect(status.map((e) => e.state)).toEqual(['applied', 'applied']);
    expect(status[0]!.appliedAt).toBeInstanceOf(Date);
  });

  it('refuses to run when an applied file changed, naming it, and applies nothing else', async () => {
    const dir = folder({ '0001_alpha.sql': ONE });
    const { store } = await open(dir);
    await store.migrate();
    writeFileSync(join(dir, '0001_alpha.sql'), `${ONE}-- edited\n`);
    writeFileSync(join(dir, '0002_beta.sql'), TWO);
    const error = await store.migrate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationChangedError);
    expect((error as MigrationChangedError).file).toBe('0001_alpha.sql');
    expect((error as Error).message).toContain('0001_alpha.sql');
    const beta = await store.query<{ t: string | null }>("SELECT to_regclass('beta')::text AS t");
    expect(beta.rows[0]!.t).toBeNull();
    expect((await store.migrationStatus()).map((e) => e.state)).toEqual(['changed', 'pending']);
  });

  it('accepts an applied file whose line endings became CRLF', async () => {
    const dir = folder({ '0001_alpha.sql': ONE });
    const { store } = await open(dir);
    await store.migrate();
    writeFileSync(join(dir, '0001_alpha.sql'), ONE.replace(/\n/g, '\r\n'));
    expect(await store.migrate()).toEqual([]);
  });

  it('refuses to run when an applied file vanished, naming it', async () => {
    const dir = folder({ '0001_alpha.sql': ONE, '0002_beta.sql': TWO });
    const { store } = await open(dir);
    await store.migrate();
    unlinkSync(join(dir, '0002_beta.sql'));
    const error = await store.migrate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationVanishedError);
    expect((error as MigrationVanishedError).file).toBe('0002_beta.sql');
    expect((await store.migrationStatus()).map((e) => e.state)).toEqual(['applied', 'vanished']);
  });

  it('refuses a new file numbered below an applied one, naming it', async () => {
    const dir = folder({ '0001_alpha.sql': ONE, '0003_beta.sql': TWO });
    const { store } = await open(dir);
    await store.migrate();
    writeFileSync(join(dir, '0002_late.sql'), 'CREATE TABLE late (id integer);\n');
    const error = await store.migrate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationOutOfOrderError);
    expect((error as MigrationOutOfOrderError).file).toBe('0002_late.sql');
    expect((await store.migrationStatus()).map((e) => [e.name, e.state])).toEqual([
      ['0001_alpha.sql', 'applied'],
      ['0002_late.sql', 'out-of-order'],
      ['0003_beta.sql', 'applied'],
    ]);
  });

  it('rolls a failing file back with its ledger row and keeps the files before it', async () => {
    const dir = folder({
      '0001_alpha.sql': ONE,
      '0002_broken.sql': 'CREATE TABLE gamma (id integer);\nINSERT INTO nowhere VALUES (1);\n',
      '0003_beta.sql': TWO,
    });
    const { store } = await open(dir);
    const error = await store.migrate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).file).toBe('0002_broken.sql');
    expect((error as MigrationFailedError).code).toBe('42P01');
    const tables = await store.query<{ a: string | null; g: string | null; b: string | null }>(
      "SELECT to_regclass('alpha')::text AS a, to_regclass('gamma')::text AS g, to_regclass('beta')::text AS b",
    );
    expect(tables.rows[0]).toEqual({ a: 'alpha', g: null, b: null });
    expect((await store.migrationStatus()).map((e) => e.state)).toEqual(['applied', 'pending', 'pending']);
  });

  it('lets two migrators run at once: every file is applied exactly once', async () => {
    const dir = folder({
      '0001_alpha.sql': `${ONE}SELECT pg_sleep(0.2);\n`,
      '0002_beta.sql': TWO,
      '0003_note.sql': THREE,
    });
    const { store, url } = await open(dir);
    const other = url === undefined ? store : await t!.openAnother({ migrationsDir: dir });
    const [first, second] = await Promise.all([store.migrate(), other.migrate()]);
    const names = [...first, ...second].map((m) => m.name).sort();
    expect(names).toEqual(['0001_alpha.sql', '0002_beta.sql', '0003_note.sql']);
    const ledger = await store.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(ledger.rows[0]!.n).toBe(3);
  });
});
