import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendNames, openTestStore, type TestStore, uid } from '../../test/support/backends';
import { ConstraintViolationError, ImmutableRowError, LifecycleTransitionError, StoreError } from '../errors';

describe.each(backendNames)('immutable-config repositories on %s', (backend) => {
  let t: TestStore;

  beforeAll(async () => {
    t = await openTestStore(backend);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('creates a draft version and reads it back by id, by name and version, and in lists', async () => {
    const name = uid('halftime');
    const created = await t.store.strategies.create({
      name,
      version: '1.0',
      config: { min_edge: '0.05', kelly: '0.25' },
      approach: 'value',
      domain: 'nfl',
      createdBy: 'test',
    });
    expect({ ...created, id: undefined, createdAt: undefined, updatedAt: undefined }).toEqual({
      id: undefined,
      name,
      version: '1.0',
      config: { min_edge: '0.05', kelly: '0.25' },
      status: 'draft',
      approach: 'value',
      domain: 'nfl',
      description: null,
      notes: null,
      createdBy: 'test',
      activatedAt: null,
      deactivatedAt: null,
      createdAt: undefined,
      updatedAt: undefined,
    });
    expect(await t.store.strategies.get(created.id)).toEqual(created);
    expect(await t.store.strategies.find(name, '1.0')).toEqual(created);
    expect(await t.store.strategies.find(name, '9.9')).toBeUndefined();
    expect((await t.store.strategies.list({ name })).map((s) => s.id)).toEqual([created.id]);
    expect(await t.store.strategies.get(987654321)).toBeUndefined();
  });

  it('refuses a second row with the same name and version', async () => {
    const name = uid('dup');
    await t.store.models.create({ name, version: '1.0', config: { k: 20 } });
    const error = await t.store.models
      .create({ name, version: '1.0', config: { k: 25 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConstraintViolationError);
    expect((error as ConstraintViolationError).constraint).toBe('probability_models_name_version_key');
  });

  it('refuses any change of config in the database itself', async () => {
    const model = await t.store.models.create({ name: uid('elo'), version: '1.0', config: { k: 20 } });
    const error = await t.store
      .query(`UPDATE probability_models SET config = '{"k": 30}' WHERE model_id = $1`, [model.id])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImmutableRowError);
    expect((error as ImmutableRowError).table).toBe('probability_models');
    expect((await t.store.models.get(model.id))!.config).toEqual({ k: 20 });
    await t.store.models.setNotes(model.id, 'notes may change');
    expect((await t.store.models.get(model.id))!.notes).toBe('notes may change');
  });

  it('walks the lifecycle, logs every transition, and activating deprecates the previous active version', async () => {
    const name = uid('lifecycle');
    const v1 = await t.store.strategies.create({ name, version: '1.0', config: { a: 1 } });
    const v2 = await t.store.strategies.create({ name, version: '2.0', config: { a: 2 } });
    await t.store.strategies.setStatus(v1.id, 'testing', { actor: 'alice' });
    const active1 = await t.store.strategies.setStatus(v1.id, 'active', {
      actor: 'alice',
      reason: 'backtest ok',
    });
    expect(active1.status).toBe('active');
    expect(active1.activatedAt).toBeInstanceOf(Date);
    await t.store.strategies.setStatus(v2.id, 'testing', { actor: 'bob' });
    await t.store.strategies.setStatus(v2.id, 'active', { actor: 'bob' });
    expect((await t.store.strategies.active(name))!.id).toBe(v2.id);
    const old = (await t.store.strategies.get(v1.id))!;
    expect(old.status).toBe('deprecated');
    expect(old.deactivatedAt).toBeInstanceOf(Date);
    expect(
      (await t.store.strategies.transitions(v1.id)).map((x) => [x.fromStatus, x.toStatus, x.actor, x.reason]),
    ).toEqual([
      ['draft', 'testing', 'alice', null],
      ['testing', 'active', 'alice', 'backtest ok'],
      ['active', 'deprecated', 'bob', `superseded by strategy ${v2.id}`],
    ]);
    // Same status again: nothing happens, nothing logged.
    await t.store.strategies.setStatus(v2.id, 'active', { actor: 'bob' });
    expect((await t.store.strategies.transitions(v2.id)).length).toBe(2);
  });

  it('refuses a transition the lifecycle forbids, and an unknown id', async () => {
    const model = await t.store.models.create({ name: uid('m'), version: '1.0', config: {} });
    const error = await t.store.models.setStatus(model.id, 'active', { actor: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LifecycleTransitionError);
    expect((await t.store.models.get(model.id))!.status).toBe('draft');
    expect(await t.store.models.transitions(model.id)).toEqual([]);
    await expect(t.store.models.setStatus(123456789, 'testing', { actor: 'x' })).rejects.toBeInstanceOf(
      StoreError,
    );
  });
});
