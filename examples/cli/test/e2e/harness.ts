// End-to-end harness: a fake Kalshi exchange served over HTTP by the test process, the `precog`
// command spawned as a user runs it (asynchronously, so the exchange keeps answering), and a
// database per test file: a PGlite directory in the project, or a fresh schema on the
// PostgreSQL server of DATABASE_URL.
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createFakeExchange,
  type FakeExchange,
  type FakeExchangeOptions,
  type FakeExchangeServer,
} from '@precog/kalshi-client/testing';
import { openStore, type Store } from '@precog/scd2-store';

const cliDir = fileURLToPath(new URL('../..', import.meta.url));

export const DATABASE_URL = process.env.DATABASE_URL;
export type Backend = 'pglite' | 'postgres';
/** PGlite always; PostgreSQL too when DATABASE_URL is set (CI sets it to a scratch database). */
export const backends: Backend[] = DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running `precog` process: the child (to signal it) and its outcome. */
export interface CliProcess {
  child: ChildProcess;
  done: Promise<CliRun>;
}

/** Starts `precog <args>` as `pnpm precog` does, from `cwd`, with only these variables (plus PATH). */
export function startCli(args: string[], options: { cwd: string; env?: Record<string, string> }): CliProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=@precog/source', '--import', 'tsx', 'src/main.ts', ...args],
    {
      cwd: cliDir,
      env: { PATH: process.env.PATH ?? '', INIT_CWD: options.cwd, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const done = new Promise<CliRun>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 110_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
  return { child, done };
}

/** Runs `precog <args>` to the end (asynchronously, so the fake exchange keeps answering). */
export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliRun> {
  return startCli(args, options).done;
}

/** A temporary project directory (the user's cwd). */
export function projectDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'precog-e2e-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** A running fake exchange and the variables that point `precog` at it with a valid key. */
export interface E2eExchange {
  exchange: FakeExchange;
  server: FakeExchangeServer;
  keyFile: string;
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function startExchange(options: FakeExchangeOptions, dir: string): Promise<E2eExchange> {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const exchange = createFakeExchange({ ...options, keys: [{ id: 'e2e-key', publicKey }] });
  const server = await exchange.listen();
  const keyFile = join(dir, 'kalshi-demo.pem');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return {
    exchange,
    server,
    keyFile,
    env: {
      KALSHI_BASE_URL: server.url,
      KALSHI_DEMO_API_KEY_ID: 'e2e-key',
      KALSHI_DEMO_PRIVATE_KEY_PATH: keyFile,
    },
    close: () => server.close(),
  };
}

/** Where a test file's rows go: the variables for `precog`, a way to read them back, cleanup. */
export interface E2eDatabase {
  env: Record<string, string>;
  /** Opens the database the command wrote (PGlite: only while no command runs). */
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

export async function createDatabase(backend: Backend, cwd: string): Promise<E2eDatabase> {
  if (backend === 'pglite') {
    return {
      env: {},
      open: () => openStore({ dataDir: join(cwd, '.precog', 'pglite') }),
      dispose: async () => undefined,
    };
  }
  const schema = `cli_e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = await openStore({ databaseUrl: DATABASE_URL });
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const url = new URL(DATABASE_URL as string);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openStore({ databaseUrl: url.toString() }),
    async dispose() {
      const store = await openStore({ databaseUrl: DATABASE_URL });
      await store.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await store.close();
    },
  };
}
