import { readFileSync } from 'node:fs';

/**
 * When the process `pid` started, as the kernel counts it (`/proc/<pid>/stat` field 22, clock ticks
 * since boot), or `''` where `/proc` is not available. Together with the pid it names one process:
 * a pid reused after a reboot or in a new container (where every first process is PID 1) has
 * another start time.
 */
export function processStartTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? '';
  } catch {
    return '';
  }
}

/** Whether a process with this id exists (it may belong to another user: EPERM counts as alive). */
export function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
