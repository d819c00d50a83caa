import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreLockedError } from '../errors';
import type { Logger } from '../logger';
import { openStore } from '../store';
import { acquireDataDirLock, type LockWaitEvent } from './data-dir-lock';
import { processStartTime } from './process-identity';

let dir: string;
let dataDir: string;
let lockFile: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'precog-lock-'));
  dataDir = join(dir, 'pglite');
  lockFile = `${dataDir}.lock`;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Logged = [Record<string, unknown>, string | undefined][];

function recordingLogger(): Logger & { infos: Logged; debugs: Logged } {
  const infos: Logged = [];
  const debugs: Logged = [];
  const noop = () => {};
  return {
    infos,
    debugs,
    debug: (obj, msg) => debugs.push([obj, msg]),
    warn: noop,
    error: noop,
    info: (obj, msg) => infos.push([obj, msg]),
  };
}

const owner = () =>
  JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; start: string; token: string };

/** A pid that certainly names no running process: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

describe('openStore: the data directory lock', () => {
  it('stale lock naming our own pid (PID 1 in a container after a kill) is taken over at once', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      lockFile,
      JSON.stringify({ pid: process.pid, start: processStartTime(process.pid), token: 'an-earlier-run' }),
    );
    const events: LockWaitEvent[] = [];
    const logger = recordingLogger();
    const lock = await acquireDataDirLock(dataDir, {
      timeoutMs: 2000,
      logger,
      onWait: (e) => events.push(e),
    });
    expect(events).toEqual([]);
    expect(logger.infos).toEqual([]);
    expect(owner().pid).toBe(process.pid);
    expect(owner().token).not.toBe('an-earlier-run');
    lock.release();
  });

  it.runIf(processStartTime(1) !== '')(
    'stale lock naming PID 1 started at another time is not mistaken for a live owner',
    async () => {
      const otherStart = String(Number(processStartTime(1)) + 12_345);
      writeFileSync(lockFile, JSON.stringify({ pid: 1, start: otherStart, token: 'from-another-container' }));
      const lock = await acquireDataDirLock(dataDir, { timeoutMs: 2000, logger: recordingLogger() });
      expect(owner().pid).toBe(process.pid);
      lock.release();
    },
  );

  it('stale lock of a dead process, in the old bare-pid format, is taken over', async () => {
    writeFileSync(lockFile, String(await deadPid()));
    const lock = await acquireDataDirLock(dataDir, { timeoutMs: 2000, logger: recordingLogger() });
    expect(owner().pid).toBe(process.pid);
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('waiting opener names the lock file and the holder pid, then gives up with StoreLockedError', {
    timeout: 240_000,
  }, async () => {
    const first = await openStore({ dataDir });
    expect(owner().pid).toBe(process.pid);
    expect(owner().start).toBe(processStartTime(process.pid));
    const logger = recordingLogger();
    const events: LockWaitEvent[] = [];
    const started = Date.now();
    const error = await openStore({
      dataDir,
      logger,
      lockTimeoutMs: 300,
      onLockWait: (e) => events.push(e),
    }).catch((e: unknown) => e);
    const waited = Date.now() - started;
    expect(error).toBeInstanceOf(StoreLockedError);
    const locked = error as StoreLockedError;
    expect(locked.lockFile).toBe(lockFile);
    expect(locked.holderPid).toBe(process.pid);
    expect(locked.waitedMs).toBeGreaterThanOrEqual(300);
    expect(locked.message).toBe(
      `${lockFile} is held by process ${process.pid} (waited ${locked.waitedMs} ms); embedded PGlite allows one process per data directory`,
    );
    expect(waited).toBeLessThan(3000);
    expect(events.map(({ lockFile: f, holderPid, timeoutMs }) => ({ f, holderPid, timeoutMs }))).toEqual([
      { f: lockFile, holderPid: process.pid, timeoutMs: 300 },
    ]);
    // The caller reports the wait (onLockWait), so the log line is at debug.
    expect(logger.infos).toEqual([]);
    expect(logger.debugs.filter(([, msg]) => msg?.startsWith('waiting'))).toEqual([
      [
        { lockFile, holderPid: process.pid, waitedMs: events[0]?.waitedMs, timeoutMs: 300 },
        'waiting for the data directory lock held by another process',
      ],
    ]);
    // The holder is untouched, and the next opener gets the directory once it closes.
    expect(owner().pid).toBe(process.pid);
    await first.close();
    expect(existsSync(lockFile)).toBe(false);
    const second = await acquireDataDirLock(dataDir, { timeoutMs: 300, logger });
    second.release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('waiting opener without onWait logs the lock file and the holder pid at info', async () => {
    const first = await acquireDataDirLock(dataDir, { timeoutMs: 1000, logger: recordingLogger() });
    const logger = recordingLogger();
    const error = await acquireDataDirLock(dataDir, { timeoutMs: 200, logger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect(logger.infos.map(([obj, msg]) => [obj.lockFile, obj.holderPid, obj.timeoutMs, msg])).toEqual([
      [lockFile, process.pid, 200, 'waiting for the data directory lock held by another process'],
    ]);
    first.release();
  });

  it('waiting opener gets the lock as soon as the holder releases it', async () => {
    const first = await acquireDataDirLock(dataDir, { timeoutMs: 1000, logger: recordingLogger() });
    setTimeout(() => first.release(), 200);
    const second = await acquireDataDirLock(dataDir, {
      timeoutMs: 5000,
      logger: recordingLogger(),
      pollMs: 10,
    });
    expect(owner().pid).toBe(process.pid);
    second.release();
  });
});

describe('taking over a stale lock is atomic', () => {
  const child = fileURLToPath(new URL('./__fixtures__/lock-child.ts', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

  async function trial(): Promise<{ codes: (number | null)[]; most: number[] }> {
    const trialDir = mkdtempSync(join(dir, 'trial-'));
    const trialData = join(trialDir, 'pglite');
    writeFileSync(`${trialData}.lock`, JSON.stringify({ pid: await deadPid(), start: '', token: 'dead' }));
    const children = [0, 1, 2].map(() => {
      const proc = spawn(process.execPath, ['--import', tsx, child, trialData, trialDir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      proc.stdout.on('data', (chunk) => {
        out += String(chunk);
      });
      return new Promise<{ code: number | null; out: string }>((resolve) =>
        proc.once('exit', (code) => resolve({ code, out })),
      );
    });
    while (readdirSync(trialDir).filter((f) => f.startsWith('ready-')).length < 3) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    writeFileSync(join(trialDir, 'go'), '');
    const results = await Promise.all(children);
    return {
      codes: results.map((r) => r.code),
      most: results.map((r) => (r.out === '' ? -1 : (JSON.parse(r.out) as { most: number }).most)),
    };
  }

  it('three processes starting on a stale lock: never two holders', { timeout: 120_000 }, async () => {
    for (let i = 0; i < 6; i++) {
      expect(await trial()).toEqual({ codes: [0, 0, 0], most: [1, 1, 1] });
    }
    expect(existsSync(lockFile)).toBe(false);
  });
});
