import { ImmutableRowError, type LifecycleStatus, type Store } from '@precog/scd2-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_URL, pgliteStore, postgresStores } from '../__fixtures__/stores';
import { ModelManager } from '../models/model-manager';
import { StrategyManager } from '../strategies/strategy-manager';
import {
  ImmutableConfigError,
  InvalidConfigError,
  InvalidTransitionError,
  VersionNotFoundError,
} from './errors';
import { ALLOWED_TRANSITIONS, isAllowedTransition, LIFECYCLE_STATUSES } from './transitions';

const actor = { actor: 'tester', reason: 'test' };
const edgeKelly = { type: 'edge_kelly', league: 'nfl', minEdge: { global: '0.05' } };

/** Moves a fresh version to `status` along allowed transitions. */
async function versionIn(manager: StrategyManager, status: LifecycleStatus, name: string) {
  const v = await manager.create({ name, version: '1', config: edgeKelly });
  if (status === 'draft') return v.id;
  if (status === 'deprecated') {
    await manager.deprecate(v.id, actor);
    return v.id;
  }
  await manager.startTesting(v.id, actor);
  if (status === 'active') await manager.activate(v.id, actor);
  return v.id;
}

describe('lifecycle rules', () => {
  it('allows exactly the documented moves', () => {
    const allowed = LIFECYCLE_STATUSES.flatMap((from) =>
      LIFECYCLE_STATUSES.filter((to) => isAllowedTransition(from, to)).map((to) => `${from}->${to}`),
    );
    expect(allowed).toEqual([
      'draft->testing',
      'draft->deprecated',
      'testing->draft',
      'testing->active',
      'testing->deprecated',
      'active->deprecated',
    ]);
    expect(ALLOWED_TRANSITIONS.deprecated).toEqual([]);
  });
});

describe('StrategyManager on PGlite', () => {
  let store: Store;
  let strategies: StrategyManager;
  beforeEach(async () => {
    store = await pgliteStore();
    strategies = new StrategyManager(store.strategies);
  });
  afterEach(() => store.close());

  const pairs = LIFECYCLE_STATUSES.flatMap((from) =>
    LIFECYCLE_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const),
  );

  it.each(pairs)(
    '%s -> %s is applied when allowed and refused with from and to otherwise',
    async (from, to) => {
      const id = await versionIn(strategies, from, `s-${from}-${to}`);
      const logBefore = await strategies.history(id);
      if (isAllowedTransition(from, to)) {
        const moved = await strategies.transition(id, to, { actor: 'alice', reason: 'why not' });
        expect(moved.status).toBe(to);
        const log = await strategies.history(id);
        expect(log.length).toBe(logBefore.length + 1);
        expect(log.at(-1)).toMatchObject({
          fromStatus: from,
          toStatus: to,
          actor: 'alice',
          reason: 'why not',
        });
      } else {
        const error = await strategies.transition(id, to, actor).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidTransitionError);
        expect((error as InvalidTransitionError).message).toBe(
          `strategy ${id}: lifecycle transition ${from} -> ${to} is not allowed`,
        );
        expect((error as InvalidTransitionError).from).toBe(from);
        expect((error as InvalidTransitionError).to).toBe(to);
        expect((await strategies.get(id)).status).toBe(from);
        expect(await strategies.history(id)).toEqual(logBefore);
      }
    },
  );

  it('treats moving to the current status as a no-op that logs nothing', async () => {
    const id = await versionIn(strategies, 'testing', 'noop');
    await strategies.startTesting(id, actor);
    expect((await strategies.history(id)).map((t) => t.toStatus)).toEqual(['testing']);
  });

  it('keeps one active version per name: activating v2 deprecates v1 in the same transaction, both logged', async () => {
    const v1 = await strategies.create({ name: 'nfl', version: '1', config: edgeKelly });
    const v2 = await strategies.create({
      name: 'nfl',
      version: '2',
      config: { ...edgeKelly, shrink: '0.1' },
    });
    for (const v of [v1, v2]) await strategies.startTesting(v.id, actor);
    await strategies.activate(v1.id, { actor: 'alice', reason: 'first' });
    expect((await strategies.getActive('nfl'))?.id).toBe(v1.id);
    await strategies.activate(v2.id, { actor: 'bob', reason: 'better' });
    const active = await strategies.getActive('nfl');
    expect(active?.id).toBe(v2.id);
    expect(active?.parsed.shrink.toString()).toBe('0.1');
    expect((await strategies.list({ name: 'nfl', status: 'active' })).map((v) => v.id)).toEqual([v2.id]);
    const v1Log = await strategies.history(v1.id);
    expect(v1Log.map((t) => [t.fromStatus, t.toStatus, t.actor, t.reason])).toEqual([
      ['draft', 'testing', 'tester', 'test'],
      ['testing', 'active', 'alice', 'first'],
      ['active', 'deprecated', 'bob', `superseded by strategy ${v2.id}`],
    ]);
    expect((await strategies.get(v1.id)).deactivatedAt).toBeInstanceOf(Date);
  });

  it('two managers activating different versions of a name at once leave exactly one active', async () => {
    const other = new StrategyManager(store.strategies);
    const v1 = await strategies.create({ name: 'both', version: '1', config: edgeKelly });
    const v2 = await strategies.create({
      name: 'both',
      version: '2',
      config: { ...edgeKelly, shrink: '0.1' },
    });
    await strategies.startTesting(v1.id, actor);
    await strategies.startTesting(v2.id, actor);
    await Promise.all([strategies.activate(v1.id, { actor: 'a' }), other.activate(v2.id, { actor: 'b' })]);
    const active = await strategies.list({ name: 'both', status: 'active' });
    expect(active.length).toBe(1);
    const loser = active[0]!.id === v1.id ? v2.id : v1.id;
    expect((await strategies.history(loser)).map((t) => t.toStatus)).toEqual([
      'testing',
      'active',
      'deprecated',
    ]);
  });

  it('concurrent creates of one version store it once; a racing different config is refused', async () => {
    const [a, b] = await Promise.all([
      strategies.create({ name: 'twice', version: '1', config: edgeKelly }),
      new StrategyManager(store.strategies).create({ name: 'twice', version: '1', config: edgeKelly }),
    ]);
    expect(a.id).toBe(b.id);
    const results = await Promise.allSettled([
      strategies.create({ name: 'clash', version: '1', config: edgeKelly }),
      strategies.create({ name: 'clash', version: '1', config: { ...edgeKelly, shrink: '0.3' } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(ImmutableConfigError);
    expect((await strategies.list({ name: 'clash' })).length).toBe(1);
  });

  it('names the status the database saw when another move got there first', async () => {
    const v = await strategies.create({ name: 'late', version: '1', config: edgeKelly });
    const results = await Promise.allSettled([
      strategies.deprecate(v.id, { actor: 'a' }),
      strategies.startTesting(v.id, { actor: 'b' }),
    ]);
    expect(results[0]?.status).toBe('fulfilled');
    const error = (results[1] as PromiseRejectedResult).reason as InvalidTransitionError;
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect([error.from, error.to]).toEqual(['deprecated', 'testing']);
    expect((await strategies.history(v.id)).map((t) => t.toStatus)).toEqual(['deprecated']);
  });

  it('refuses a config that is not a JSON object', () => {
    expect(() => strategies.parseConfig('odd', [1, 2])).toThrow(
      'strategy odd: invalid config: config: must be a JSON object',
    );
  });

  it('refuses a different config under an existing version and returns the stored one for the same config', async () => {
    const v1 = await strategies.create({ name: 'imm', version: '1', config: edgeKelly });
    const again = await strategies.create({
      name: 'imm',
      version: '1',
      config: { minEdge: { global: '0.05' }, league: 'nfl', type: 'edge_kelly' },
    });
    expect(again.id).toBe(v1.id);
    await expect(
      strategies.create({ name: 'imm', version: '1', config: { ...edgeKelly, shrink: '0.2' } }),
    ).rejects.toThrow(new ImmutableConfigError('strategy', 'imm', '1'));
  });

  it('is refused by the database too (PC002) when something updates a stored config', async () => {
    const v1 = await strategies.create({ name: 'db-imm', version: '1', config: edgeKelly });
    const error = await store
      .query(`UPDATE strategies SET config = '{"type":"edge_kelly"}'::jsonb WHERE strategy_id = $1`, [v1.id])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImmutableRowError);
    expect((error as ImmutableRowError).message).toContain(
      'immutable config: strategies.config cannot change',
    );
    expect((await strategies.get(v1.id)).config).toEqual(edgeKelly);
  });

  it('validates configs by the schema of their type', async () => {
    await expect(
      strategies.create({ name: 'bad', version: '1', config: { type: 'martingale' } }),
    ).rejects.toThrow('strategy bad: invalid config: type: must be one of edge_kelly, got "martingale"');
    const error = await strategies
      .create({ name: 'bad', version: '1', config: { type: 'edge_kelly', shrink: '1.5', extra: 1 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect((error as InvalidConfigError).issues.length).toBe(2);
    expect(await strategies.list({ name: 'bad' })).toEqual([]);
  });

  it('names unknown versions and requires an actor', async () => {
    await expect(strategies.get(999)).rejects.toThrow(new VersionNotFoundError('strategy', 'id 999'));
    await expect(strategies.find('x', '1')).rejects.toThrow('strategy x@1 not found');
    await expect(strategies.activate(999, actor)).rejects.toThrow('strategy id 999 not found');
    const v = await strategies.create({ name: 'who', version: '1', config: edgeKelly });
    await expect(strategies.startTesting(v.id, { actor: ' ' })).rejects.toThrow(InvalidConfigError);
    expect(await strategies.getActive('who')).toBeUndefined();
  });
});

describe('ModelManager on PGlite', () => {
  let store: Store;
  beforeEach(async () => {
    store = await pgliteStore();
  });
  afterEach(() => store.close());

  it('parses elo configs onto their preset and runs the same lifecycle', async () => {
    const models = new ModelManager(store.models);
    const m = await models.create({ name: 'elo-nfl', version: '1', config: { type: 'elo', k: 24 } });
    expect(m.parsed.params).toMatchObject({ k: 24, homeAdvantage: 48, scale: 400 });
    expect(m.approach).toBe('elo');
    await models.startTesting(m.id, actor);
    await models.backToDraft(m.id, actor);
    await expect(models.activate(m.id, actor)).rejects.toThrow(
      `model ${m.id}: lifecycle transition draft -> active is not allowed`,
    );
    await models.startTesting(m.id, actor);
    await models.activate(m.id, actor);
    expect((await models.getActive('elo-nfl'))?.parsed.preset).toBe('nfl');
    await expect(
      models.create({ name: 'elo-538', version: '1', config: { type: 'elo', preset: '538', k: 0 } }),
    ).rejects.toThrow('model elo-538: invalid config: k:');
  });
});

const onPostgres = DATABASE_URL === undefined ? describe.skip : describe;

onPostgres('activation race on PostgreSQL (two pools)', () => {
  it('two processes activating different versions at the same moment end with exactly one active', async () => {
    const { stores, dispose } = await postgresStores(2);
    try {
      const [a, b] = stores.map((s) => new StrategyManager(s.strategies)) as [
        StrategyManager,
        StrategyManager,
      ];
      for (let round = 0; round < 10; round += 1) {
        const name = `race-${round}`;
        const v1 = await a.create({ name, version: '1', config: edgeKelly });
        const v2 = await a.create({ name, version: '2', config: { ...edgeKelly, shrink: '0.1' } });
        await a.startTesting(v1.id, actor);
        await a.startTesting(v2.id, actor);
        const results = await Promise.allSettled([
          a.activate(v1.id, { actor: 'proc-a' }),
          b.activate(v2.id, { actor: 'proc-b' }),
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
        const active = await a.list({ name, status: 'active' });
        expect(active.length).toBe(1);
        const loser = active[0]!.id === v1.id ? v2.id : v1.id;
        expect((await b.get(loser)).status).toBe('deprecated');
        const log = await a.history(loser);
        expect(log.map((t) => t.toStatus)).toEqual(['testing', 'active', 'deprecated']);
      }
    } finally {
      await dispose();
    }
  }, 60_000);
});
