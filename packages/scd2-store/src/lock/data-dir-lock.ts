// The single-process lock of an embedded (PGlite) data directory.
//
// Why this design and not `proper-lockfile`: proper-lockfile judges staleness by mtime and takes a
// stale lock over with remove-then-mkdir, so two processes that both saw it stale can both end up
// holding it (it only notices later, through `onCompromised`). Here:
// - the lock is a file created complete and atomically: its content (pid, process start time,
//   random token) is written to a private temporary file first, then `link(2)`ed to the lock name,
//   which fails with EEXIST when the name exists (O_EXCL semantics, and no reader ever sees an
//   empty lock);
// - the holder is alive only if its pid exists AND has the start time written in the lock (a pid
//   reused after a crash, e.g. PID 1 in every container, is a different process), and a lock that
//   names this very process is ours only if this process holds that token;
// - a stale lock is taken over under a second, short-lived lock (`<lock>.takeover`, created the
//   same way): the taker re-reads the lock and removes it only if it still holds the stale content
//   it judged. Nobody else removes a lock file, so between that re-read and the removal it cannot
//   change; the waiters then race on `link`, which exactly one wins. The takeover lock is held for
//   a few synchronous calls (no await), so it can only go stale if its holder is killed inside them.
import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreLockedError } from '../errors';
import type { Logger } from '../logger';
import { pidExists, processStartTime } from './process-identity';

/** What a process waiting for a data-directory lock is told (see `StoreOptions.onLockWait`). */
export interface LockWaitEvent {
  /** The lock file (`<dataDir>.lock`). */
  lockFile: string;
  /** The process id of the holder, as written in the lock file. */
  holderPid: number;
  /** How long this process has waited so far, in milliseconds. */
  waitedMs: number;
  /** When this process gives up with {@link StoreLockedError}, in milliseconds from the first attempt. */
  timeoutMs: number;
}

/** Options of {@link acquireDataDirLock}. */
export interface DataDirLockOptions {
  /** Give up after this long with {@link StoreLockedError}, in milliseconds. */
  timeoutMs: number;
  /** Called when the wait starts and then every `reportEveryMs`. */
  onWait?: ((event: LockWaitEvent) => void) | undefined;
  /** Where the wait is logged once, when it starts: at info, or at debug when `onWait` is given. */
  logger: Logger;
  /** Interval between two `onWait` calls, in milliseconds. Default 5000. */
  reportEveryMs?: number | undefined;
  /** Interval between two attempts, in milliseconds. Default 100. */
  pollMs?: number | undefined;
}

/** A held lock: `release()` removes it (idempotent, synchronous). */
export interface DataDirLock {
  readonly lockFile: string;
  release(): void;
}

interface Owner {
  pid: number;
  start: string;
  token: string;
  raw: string;
}

/** Tokens of the locks this process holds now. */
const held = new Set<string>();
let exitHookInstalled = false;
const releasers = new Set<() => void>();

function readOwner(file: string): Owner | undefined {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<Owner>;
    if (typeof parsed.pid === 'number' && typeof parsed.token === 'string') {
      return { pid: parsed.pid, start: String(parsed.start ?? ''), token: parsed.token, raw };
    }
  } catch {
    // Older precog versions wrote the bare pid.
  }
  const pid = Number.parseInt(raw.trim(), 10);
  return { pid: Number.isInteger(pid) ? pid : 0, start: '', token: '', raw };
}

/** Whether the process that wrote `owner` still holds the lock. */
function ownerAlive(owner: Owner): boolean {
  if (owner.pid <= 0) return false;
  // Our own pid: a lock from an earlier run of this pid (a container's PID 1 after a kill) is stale.
  if (owner.pid === process.pid) return held.has(owner.token);
  if (!pidExists(owner.pid)) return false;
  if (owner.start === '') return true;
  const start = processStartTime(owner.pid);
  return start === '' || start === owner.start;
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Removes `lockFile` if it still holds `stale`, under the takeover lock. Synchronous on purpose. */
function takeOver(lockFile: string, stale: Owner, mine: string, token: string): void {
  const guard = `${lockFile}.takeover`;
  if (!tryLink(mine, guard)) {
    const guardOwner = readOwner(guard);
    if (guardOwner !== undefined && !ownerAlive(guardOwner)) {
      // Its holder was killed inside takeOver. Move it aside and check it is the one we judged.
      const aside = `${guard}.${token}`;
      try {
        renameSync(guard, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
      if (readOwner(aside)?.raw !== guardOwner.raw) tryLink(aside, guard);
      unlinkQuietly(aside);
    }
    return;
  }
  try {
    if (readOwner(lockFile)?.raw === stale.raw) unlinkQuietly(lockFile);
  } finally {
    unlinkQuietly(guard);
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A process that exits without closing its store leaves no lock behind.
  process.once('exit', () => {
    for (const release of releasers) release();
  });
}

/**
 * Takes the exclusive lock of an embedded data directory (`<dataDir>.lock`), waiting while a live
 * process holds it and taking over a lock whose holder is gone. Throws {@link StoreLockedError}
 * after `timeoutMs`.
 */
export async function acquireDataDirLock(dataDir: string, options: DataDirLockOptions): Promise<DataDirLock> {
  const lockFile = `${dataDir}.lock`;
  mkdirSync(dirname(lockFile), { recursive: true });
  const token = randomUUID();
  const content = JSON.stringify({ pid: process.pid, start: processStartTime(process.pid), token });
  const mine = `${lockFile}.${token}.tmp`;
  writeFileSync(mine, content, { flag: 'wx' });
  const started = Date.now();
  const pollMs = options.pollMs ?? 100;
  const reportEveryMs = options.reportEveryMs ?? 5000;
  let nextReport = 0;
  try {
    for (;;) {
      if (tryLink(mine, lockFile)) break;
      const owner = readOwner(lockFile);
      if (owner === undefined) continue;
      if (!ownerAlive(owner)) {
        takeOver(lockFile, owner, mine, token);
        continue;
      }
      const waitedMs = Date.now() - started;
      if (waitedMs >= options.timeoutMs) {
        throw new StoreLockedError({ lockFile, holderPid: owner.pid, waitedMs });
      }
      if (waitedMs >= nextReport) {
        const event = { lockFile, holderPid: owner.pid, waitedMs, timeoutMs: options.timeoutMs };
        if (nextReport === 0) {
          // Said once: at info unless the caller reports the wait itself through onWait.
          const log = options.onWait === undefined ? options.logger.info : options.logger.debug;
          log.call(options.logger, event, 'waiting for the data directory lock held by another process');
        }
        options.onWait?.(event);
        nextReport = waitedMs + reportEveryMs;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, options.timeoutMs - waitedMs)));
    }
  } finally {
    unlinkQuietly(mine);
  }
  held.add(token);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    releasers.delete(release);
    held.delete(token);
    if (readOwner(lockFile)?.token === token) unlinkQuietly(lockFile);
  };
  releasers.add(release);
  installExitHook();
  return { lockFile, release };
}
