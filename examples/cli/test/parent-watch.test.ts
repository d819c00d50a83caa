import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { launcherChain } from '../src/cli/parent-watch';

const child = fileURLToPath(new URL('./fixtures/orphan-child.ts', import.meta.url));
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('stopWhenParentExits', () => {
  it('killing the wrapper (SIGKILL) stops the node child too', { timeout: 60_000 }, async () => {
    // sh stands for the pnpm wrapper: it cannot forward a SIGKILL.
    const wrapper = spawn(
      'sh',
      ['-c', `"${process.execPath}" --import "${tsx}" "${child}" & echo $!; wait`],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    wrapper.stdout.on('data', (chunk) => {
      out += String(chunk);
    });
    while (!out.includes('ready')) await new Promise((resolve) => setTimeout(resolve, 50));
    const childPid = Number(out.split('\n')[0]);
    expect(alive(childPid)).toBe(true);
    wrapper.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (alive(childPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive(childPid)).toBe(false);
  });

  it.runIf(process.platform === 'linux')('the launcher chain starts at the parent', () => {
    expect(launcherChain()[0]?.pid).toBe(process.ppid);
  });
});
