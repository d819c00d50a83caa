#!/usr/bin/env node
// Adds up the vitest JSON reports of every package and example and prints the totals as one
// line, "Tests: N passed, N failed", so a whole `pnpm test` run ends with a single verdict.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const group of ['packages', 'examples']) {
  for (const dir of readdirSync(join(root, group))) {
    const report = join(root, group, dir, '.test-results', 'results.json');
    if (!existsSync(report)) continue;
    const results = JSON.parse(readFileSync(report, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    skipped += results.numPendingTests + results.numTodoTests;
  }
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
