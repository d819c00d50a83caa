import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from '@precog/scd2-store';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock file beside an embedded PGlite directory: PGlite allows one process per data
 * directory, so a second `precog` command waits for the first (up to `waitMs`) instead of
 * corrupting it. A lock left by a dead process is taken over.
 */
export async function lockDataDir(dataDir: string, waitMs = 120_000): Promise<() => void> {
  const file = `${dataDir}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(readFileSync(file, 'utf8').trim() || '0', 10);
    if (!Number.isInteger(owner) || owner <= 0 || !alive(owner)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new StoreError(
        `${dataDir} is in use by another precog process (pid ${owner}); embedded PGlite allows one at a time`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
