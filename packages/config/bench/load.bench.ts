// How loadConfig scales with the number of keys in one configuration file: a data_sources.yaml
// whose caching.ttl_seconds mapping holds N keys (a mapping of free-form names, so every key is
// valid). Linear loading means the time per key stays flat as N grows.
//
// Run: pnpm --filter @precog/config bench   (sizes: BENCH_SIZES=1000,10000,40000)
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/index';

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,40000').split(',').map(Number);

function projectWith(keys: number): { dir: string; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'precog-config-bench-'));
  mkdirSync(join(dir, 'config'));
  const lines = ['caching:', '  ttl_seconds:'];
  for (let i = 0; i < keys; i++) lines.push(`    key_${i}: ${i % 3600}`);
  const file = join(dir, 'config', 'data_sources.yaml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { dir, bytes: statSync(file).size };
}

console.log(`node ${process.version}, ${new Date().toISOString()}`);
console.log('keys      file size   load time   per key');
for (const keys of sizes) {
  const { dir, bytes } = projectWith(keys);
  try {
    loadConfig({ cwd: dir, runtimeEnv: {} }); // warm-up, and a check that it loads
    const started = performance.now();
    const config = loadConfig({ cwd: dir, runtimeEnv: {} });
    const ms = performance.now() - started;
    const loaded = Object.keys(config.data_sources.caching.ttl_seconds).length;
    if (loaded < keys) throw new Error(`loaded ${loaded} keys, expected at least ${keys}`);
    console.log(
      `${String(keys).padEnd(9)} ${`${(bytes / 1024).toFixed(0)} KiB`.padEnd(11)} ${`${ms.toFixed(0)} ms`.padEnd(11)} ${((ms * 1000) / keys).toFixed(1)} µs`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
