// `precog strategies|models|positions`, in-process through the real program (commander,
// runAction, exit codes) on an embedded PGlite database in a temporary directory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Fill, initTrailingStop, openPosition, PositionManager } from '@precog/managers';
import { openStore } from '@precog/scd2-store';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runProgram } from '../src/cli/run-action';
import { buildProgram } from '../src/main';

let dir: string;
const saved = { INIT_CWD: process.env.INIT_CWD, DATABASE_URL: process.env.DATABASE_URL };

async function precog(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  process.exitCode = undefined;
  try {
    const code = await runProgram(buildProgram(), ['node', 'precog', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'precog-lifecycle-'));
  process.env.INIT_CWD = dir;
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  process.env.INIT_CWD = saved.INIT_CWD;
  if (saved.DATABASE_URL !== undefined) process.env.DATABASE_URL = saved.DATABASE_URL;
});

describe('precog strategies', () => {
  it('creates, tests, activates and deprecates versions, one active per name, with the log', async () => {
    const file = join(dir, 'v1.json');
    writeFileSync(file, JSON.stringify({ type: 'edge_kelly', league: 'nfl', minEdge: { global: '0.05' } }));
    expect(
      await precog(
        'strategies',
        'create',
        '--name',
        'nfl-edge',
        '--version',
        '1',
        '--config',
        'v1.json',
        '--actor',
        'alice',
      ),
    ).toMatchObject({
      code: 0,
      stdout: 'strategy nfl-edge@1 stored as id 1 (draft)\n',
    });
    const v2 = await precog(
      'strategies',
      'create',
      '--name',
      'nfl-edge',
      '--version',
      '2',
      '--config-json',
      '{"type":"edge_kelly","shrink":"0.1"}',
    );
    expect(v2.stdout).toBe('strategy nfl-edge@2 stored as id 2 (draft)\n');
    for (const ref of ['nfl-edge@1', '2']) {
      expect((await precog('strategies', 'test', ref, '--actor', 'alice')).code).toBe(0);
    }
    expect(
      (await precog('strategies', 'activate', '1', '--actor', 'alice', '--reason', 'first')).stdout,
    ).toBe('strategy nfl-edge@1 (id 1): testing → active\n');
    expect((await precog('strategies', 'activate', 'nfl-edge@2', '--actor', 'bob')).code).toBe(0);

    const list = await precog('--json', 'strategies', 'list', '--name', 'nfl-edge');
    const rows = JSON.parse(list.stdout) as { id: number; status: string }[];
    expect(rows.map((r) => [r.id, r.status])).toEqual([
      [1, 'deprecated'],
      [2, 'active'],
    ]);
    const show = await precog('--json', 'strategies', 'show', '1');
    const shown = JSON.parse(show.stdout) as {
      config: unknown;
      createdBy: string;
      history: { fromStatus: string; toStatus: string; actor: string; reason: string | null }[];
    };
    expect(shown.config).toEqual({ type: 'edge_kelly', league: 'nfl', minEdge: { global: '0.05' } });
    expect(shown.createdBy).toBe('alice');
    expect(shown.history.map((t) => [t.fromStatus, t.toStatus, t.actor, t.reason])).toEqual([
      ['draft', 'testing', 'alice', null],
      ['testing', 'active', 'alice', 'first'],
      ['active', 'deprecated', 'bob', 'superseded by strategy 2'],
    ]);
    expect((await precog('strategies', 'show', 'nfl-edge@2')).stdout).toContain(
      'strategy nfl-edge@2 (id 2): active',
    );
  });

  it('refuses bad requests with exit code 2 and one line naming the problem', async () => {
    expect(await precog('strategies', 'activate', '1')).toMatchObject({
      code: 2,
      stderr: 'precog: strategy 1: lifecycle transition deprecated -> active is not allowed\n',
    });
    expect(
      await precog(
        'strategies',
        'create',
        '--name',
        'nfl-edge',
        '--version',
        '1',
        '--config-json',
        '{"type":"edge_kelly"}',
      ),
    ).toMatchObject({
      code: 2,
      stderr:
        'precog: strategy nfl-edge@1 already exists with another config; configs are immutable, create a new version\n',
    });
    expect(
      (
        await precog(
          'strategies',
          'create',
          '--name',
          'x',
          '--version',
          '1',
          '--config-json',
          '{"type":"nope"}',
        )
      ).stderr,
    ).toBe('precog: strategy x: invalid config: type: must be one of edge_kelly, got "nope"\n');
    expect((await precog('strategies', 'create', '--name', 'x', '--version', '1')).code).toBe(2);
    expect((await precog('strategies', 'show', '99')).stderr).toBe('precog: strategy id 99 not found\n');
    expect((await precog('strategies', 'show', 'nonsense')).stderr).toBe(
      'precog: "nonsense" is neither an id nor name@version\n',
    );
  });
});

describe('precog models', () => {
  it('runs the same lifecycle on model versions', async () => {
    expect(
      (
        await precog(
          'models',
          'create',
          '--name',
          'elo-nfl',
          '--version',
          '1',
          '--config-json',
          '{"type":"elo","k":20}',
        )
      ).code,
    ).toBe(0);
    expect((await precog('models', 'test', 'elo-nfl@1')).code).toBe(0);
    expect((await precog('models', 'draft', 'elo-nfl@1')).stdout).toBe(
      'model elo-nfl@1 (id 1): testing → draft\n',
    );
    expect((await precog('models', 'deprecate', 'elo-nfl@1', '--reason', 'superseded')).stdout).toBe(
      'model elo-nfl@1 (id 1): draft → deprecated\n',
    );
    expect((await precog('models', 'list', '--status', 'active')).stdout).toBe('no model versions\n');
  });
});

describe('precog positions', () => {
  it('lists positions and shows one with its versions', async () => {
    const store = await openStore({ dataDir: join(dir, '.precog', 'pglite') });
    try {
      const fill: Fill = {
        fillId: 'f1',
        ticker: 'KXNFLGAME-26NOV29KCLV-KC',
        side: 'no',
        action: 'buy',
        count: new Decimal(10),
        price: new Decimal('0.35'),
        fee: new Decimal('0.16'),
        createdAt: Date.UTC(2026, 10, 29, 14),
      };
      const position = openPosition(fill);
      await new PositionManager(store).save({
        position,
        strategyId: 2,
        trailingStop: initTrailingStop(position.avgEntryPrice, {
          activationThreshold: new Decimal('0.1'),
          distance: { kind: 'ticks', value: 2 },
        }),
      });
    } finally {
      await store.close();
    }
    const list = await precog('positions', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('KXNFLGAME-26NOV29KCLV-KC  NO    10   0.35');
    expect(list.stdout).toContain('-0.16');
    const json = JSON.parse((await precog('--json', 'positions', 'list', '--status', 'all')).stdout) as {
      positionKey: string;
      costBasis: string;
      realizedPnl: string;
    }[];
    expect(json.map((p) => [p.costBasis, p.realizedPnl])).toEqual([['3.5', '-0.16']]);
    const show = await precog('positions', 'show', json[0]!.positionKey);
    expect(show.stdout).toContain('NO KXNFLGAME-26NOV29KCLV-KC, open');
    expect(show.stdout).toContain('net realized P&L -0.16 (fees 0.16)');
    expect(show.stdout).toContain('trailing stop not armed');
    expect((await precog('positions', 'list', '--status', 'closed')).stdout).toBe('no closed positions\n');
    expect(await precog('positions', 'show', 'nope')).toMatchObject({
      code: 2,
      stderr: 'precog: no position with key nope\n',
    });
  });
});
