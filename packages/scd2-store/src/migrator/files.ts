import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MigrationError } from '../errors';

/** One numbered SQL file, read from disk. */
export interface MigrationFile {
  /** The number in front of the name: `0003_markets.sql` → 3. */
  version: number;
  /** The file name, e.g. `0003_markets.sql`. */
  name: string;
  /** sha256 (hex) of the file with CRLF / CR line endings turned into LF. */
  checksum: string;
  sql: string;
}

const FILE_PATTERN = /^(\d+)[_-][^/\\]+\.sql$/;

/** sha256 of the text with normalised line endings, so a checkout with CRLF keeps the same sum. */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n?/g, '\n'), 'utf8').digest('hex');
}

/**
 * The package's own `migrations/` folder, found by walking up from this module: works from
 * `src/` (tests, tsx) and from the built `dist/` (ESM, and CJS through tsup's import.meta shim).
 */
export function defaultMigrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth += 1) {
    const candidate = join(dir, 'migrations');
    if (existsSync(candidate) && existsSync(join(dir, 'package.json'))) {
      return candidate;
    }
    dir = dirname(dir);
  }
  throw new MigrationError(
    `the migrations folder of @precog/scd2-store was not found above ${fileURLToPath(import.meta.url)}`,
  );
}

/** Reads every `NNNN_name.sql` file of a folder, sorted by version; two files with one version are refused. */
export function readMigrationFiles(dir: string): MigrationFile[] {
  if (!existsSync(dir)) {
    throw new MigrationError(`migrations folder ${dir} does not exist`);
  }
  const files: MigrationFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const match = FILE_PATTERN.exec(name);
    if (match === null) {
      continue;
    }
    const sql = readFileSync(join(dir, name), 'utf8');
    files.push({ version: Number(match[1]), name, checksum: checksumOf(sql), sql });
  }
  files.sort((a, b) => a.version - b.version);
  for (let i = 1; i < files.length; i += 1) {
    const previous = files[i - 1]!;
    const current = files[i]!;
    if (previous.version === current.version) {
      throw new MigrationError(`${previous.name} and ${current.name} share version ${current.version}`, {
        file: current.name,
      });
    }
  }
  return files;
}
