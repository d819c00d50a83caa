import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cliDir = fileURLToPath(new URL('..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `precog` command as `pnpm precog` does (tsx, sources of the workspace packages),
 * as if the user had invoked it from `cwd`. Only the variables given are set (plus PATH).
 */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }): CliResult {
  const result = spawnSync(
    process.execPath,
    ['--conditions=@precog/source', '--import', 'tsx', 'src/main.ts', ...args],
    {
      cwd: cliDir,
      env: { PATH: process.env.PATH ?? '', INIT_CWD: options.cwd, ...options.env },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
