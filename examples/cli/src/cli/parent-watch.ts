// `pnpm precog …` runs as pnpm → sh → pnpm → sh → node. Killing the wrapper (SIGTERM or SIGKILL to
// the outer pnpm, a supervisor stopping it) reaches none of the processes below it: this node
// process would keep running, and keep holding the embedded store's lock. So the entry points
// watch the wrappers that started them and, once one is gone, stop themselves with SIGTERM, as if
// the signal had been forwarded (commands that handle SIGTERM, like `fetch`, stop cleanly).
import { readFileSync } from 'node:fs';

/** How often the wrappers are checked, in milliseconds. */
const CHECK_EVERY_MS = 500;

/** Launchers whose death should stop us (matched against each ancestor's command line). */
const LAUNCHER = /(^|[/\s])(pnpm|npm|npx|yarn|tsx)(\.c?js)?(\s|$)/;

interface Ancestor {
  pid: number;
  /** `/proc/<pid>/stat` start time: a reused pid is another process. */
  start: string;
}

function stat(pid: number): { ppid: number; start: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), start: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/**
 * The chain of parent processes up to the outermost launcher (pnpm, npm, yarn, tsx), read from
 * `/proc`; just the parent where `/proc` is not available or no launcher is found.
 */
export function launcherChain(pid = process.pid): Ancestor[] {
  const chain: Ancestor[] = [];
  let outermost = 0;
  let current = stat(pid)?.ppid ?? 0;
  while (current > 1 && chain.length < 16) {
    const info = stat(current);
    if (info === undefined) break;
    chain.push({ pid: current, start: info.start });
    if (LAUNCHER.test(commandLine(current))) outermost = chain.length;
    current = info.ppid;
  }
  return chain.slice(0, Math.max(outermost, 1));
}

/**
 * Calls `onOrphaned` (default: sends SIGTERM to this process) once a process of
 * {@link launcherChain} has exited, or this process was re-parented. Returns a function that
 * stops watching. The timer never keeps the process alive.
 */
export function stopWhenParentExits(
  onOrphaned: () => void = () => process.kill(process.pid, 'SIGTERM'),
): () => void {
  const parent = process.ppid;
  const chain = launcherChain();
  const timer = setInterval(() => {
    const gone = process.ppid !== parent || chain.some((a) => stat(a.pid)?.start !== a.start);
    if (gone) {
      clearInterval(timer);
      onOrphaned();
    }
  }, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
