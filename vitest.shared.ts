import { defineConfig } from 'vitest/config';

/**
 * Shared vitest settings for every package: sibling `@precog/*` packages resolve to their
 * TypeScript sources through the `@precog/source` export condition, so tests never need a build.
 */
export function packageTestConfig(options: { lines: number; include?: string[]; testTimeout?: number }) {
  return defineConfig({
    resolve: { conditions: ['@precog/source', 'module', 'node', 'import', 'default'] },
    ssr: { resolve: { conditions: ['@precog/source', 'module', 'node', 'import', 'default'] } },
    test: {
      environment: 'node',
      include: options.include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: options.testTimeout ?? 30_000,
      hookTimeout: 120_000,
      passWithNoTests: true,
      // The JSON report feeds scripts/test-summary.mjs, which prints the whole run's totals.
      reporters: ['default', 'json'],
      outputFile: { json: '.test-results/results.json' },
      coverage: {
        provider: 'v8',
        include: ['src/**/*.ts'],
        exclude: ['src/**/*.test.ts', 'src/**/*.bench.ts', 'src/**/__fixtures__/**'],
        reporter: ['text-summary', 'json-summary'],
        thresholds: { lines: options.lines },
      },
    },
  });
}
