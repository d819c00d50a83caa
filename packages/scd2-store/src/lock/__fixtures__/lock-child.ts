// A child process for data-dir-lock.test.ts: waits for the parent's go file, takes the lock,
// counts the holders it can see, holds for a moment, and prints what it saw as JSON.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { noopLogger } from '../../logger';
import { acquireDataDirLock } from '../data-dir-lock';

const [dataDir, dir] = process.argv.slice(2) as [string, string];
const holders = join(dir, 'holders');
mkdirSync(holders, { recursive: true });
writeFileSync(join(dir, `ready-${process.pid}`), '');
while (!existsSync(join(dir, 'go'))) await new Promise((resolve) => setTimeout(resolve, 2));
const lock = await acquireDataDirLock(dataDir, { timeoutMs: 30_000, logger: noopLogger, pollMs: 5 });
const mine = join(holders, String(process.pid));
writeFileSync(mine, '');
let most = readdirSync(holders).length;
await new Promise((resolve) => setTimeout(resolve, 30));
most = Math.max(most, readdirSync(holders).length);
rmSync(mine);
lock.release();
process.stdout.write(JSON.stringify({ most }));
