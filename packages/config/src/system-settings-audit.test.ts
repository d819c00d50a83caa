import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { systemSchema } from './schemas/system';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * Where each `system.yaml` setting is read: a source file and the expression that reads it.
 * A new key without an entry fails the test: validate only what some code honours.
 */
const READ_BY: Record<string, { file: string; reads: string } | { formatMarker: true }> = {
  // The file format's version: shown by `precog config show`, not a setting.
  version: { formatMarker: true },
  'database.pool_size': { file: 'packages/config/src/settings.ts', reads: 'db.pool_size' },
  'database.pool_timeout_seconds': {
    file: 'packages/config/src/settings.ts',
    reads: 'db.pool_timeout_seconds',
  },
  'database.statement_timeout_ms': {
    file: 'packages/config/src/settings.ts',
    reads: 'db.statement_timeout_ms',
  },
  'database.idle_in_transaction_timeout_ms': {
    file: 'packages/config/src/settings.ts',
    reads: 'db.idle_in_transaction_timeout_ms',
  },
  'database.ssl_mode': { file: 'packages/config/src/settings.ts', reads: 'db.ssl_mode' },
  'logging.level': { file: 'examples/cli/src/cli/context.ts', reads: 'logging.level' },
  'logging.console.enabled': { file: 'examples/cli/src/cli/context.ts', reads: 'logging.console.enabled' },
  'logging.console.format': { file: 'examples/cli/src/cli/context.ts', reads: 'logging.console.format' },
  'logging.file.enabled': { file: 'examples/cli/src/cli/context.ts', reads: 'logging.file.enabled' },
  'logging.file.path': { file: 'examples/cli/src/cli/context.ts', reads: 'logging.file.path' },
  'defaults.timeouts.api_request_seconds': {
    file: 'packages/config/src/settings.ts',
    reads: 'timeouts.api_request_seconds',
  },
  'defaults.retries.max_attempts': { file: 'packages/config/src/settings.ts', reads: 'retries.max_attempts' },
  'defaults.retries.initial_delay_ms': {
    file: 'packages/config/src/settings.ts',
    reads: 'retries.initial_delay_ms',
  },
  'defaults.retries.max_delay_ms': { file: 'packages/config/src/settings.ts', reads: 'retries.max_delay_ms' },
  'defaults.retries.rate_limit_max_wait_seconds': {
    file: 'packages/config/src/settings.ts',
    reads: 'retries.rate_limit_max_wait_seconds',
  },
  'defaults.pagination.max_pages_without_new_items': {
    file: 'packages/config/src/settings.ts',
    reads: 'pagination.max_pages_without_new_items',
  },
};

/** Dotted paths of every leaf of an object schema. */
function leafKeys(schema: z.ZodType, prefix = ''): string[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, child]) =>
      leafKeys(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [prefix];
}

describe('system.yaml: every validated setting takes effect', () => {
  const keys = leafKeys(systemSchema);

  it('lists where each key of the schema is read, and no key that is not in it', () => {
    expect(keys.sort()).toEqual(Object.keys(READ_BY).sort());
  });

  it.each(keys.filter((key) => !('formatMarker' in (READ_BY[key] ?? {}))))(
    '%s is read where listed',
    (key) => {
      const where = READ_BY[key] as { file: string; reads: string };
      expect(readFileSync(join(repo, where.file), 'utf8')).toContain(where.reads);
    },
  );

  it('documents every key in docs/configuration.md', () => {
    const docs = readFileSync(join(repo, 'docs', 'configuration.md'), 'utf8');
    for (const key of keys.filter((k) => k !== 'version')) expect(docs, key).toContain(`\`${key}\``);
  });
});
