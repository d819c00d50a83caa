import { StoreError } from '../errors';
import type { Db, Queryable } from '../internal/db';
import type { Json } from './types';

/** Lifecycle of strategies and models: draft → testing → active → deprecated (+ testing → draft). */
export type LifecycleStatus = 'draft' | 'testing' | 'active' | 'deprecated';

/** A new immutable config version. `config` (a JSON object) never changes once stored. */
export interface ConfigVersionInput {
  name: string;
  version: string;
  config: { [key: string]: Json };
  /** Default `draft`. */
  status?: LifecycleStatus;
  approach?: string | null;
  domain?: string | null;
  description?: string | null;
  notes?: string | null;
  createdBy?: string | null;
}

/** A stored strategy or model version. */
export interface ConfigVersion {
  /** strategy_id / model_id. */
  id: number;
  name: string;
  version: string;
  config: { [key: string]: Json };
  status: LifecycleStatus;
  approach: string | null;
  domain: string | null;
  description: string | null;
  notes: string | null;
  createdBy: string | null;
  activatedAt: Date | null;
  deactivatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One entry of the append-only lifecycle log. */
export interface LifecycleTransition {
  transitionId: number;
  entityId: number;
  fromStatus: LifecycleStatus | null;
  toStatus: LifecycleStatus;
  actor: string;
  reason: string | null;
  transitionedAt: Date;
}

export interface SetStatusOptions {
  /** Who made the change (user, service name). Required by the log. */
  actor: string;
  reason?: string | undefined;
}

interface Naming {
  table: string;
  id: string;
  name: string;
  version: string;
  entityType: 'strategy' | 'model';
}

/**
 * Immutable-config versions (strategies, probability models). The database refuses any change of
 * `config`, name or version (ImmutableRowError) and any transition the lifecycle forbids
 * (LifecycleTransitionError); at most one version per name is `active`.
 */
export class ConfigVersionRepository {
  private readonly db: Db;
  private readonly n: Naming;
  private readonly select: string;

  constructor(db: Db, naming: Naming) {
    this.db = db;
    this.n = naming;
    this.select = `SELECT ${naming.id} AS id, ${naming.name} AS name, ${naming.version} AS version, config, status,
  approach, domain, description, notes, created_by, activated_at, deactivated_at, created_at, updated_at
FROM ${naming.table}`;
  }

  private decode(row: Record<string, unknown>): ConfigVersion {
    return {
      id: row.id as number,
      name: row.name as string,
      version: row.version as string,
      config: row.config as { [key: string]: Json },
      status: row.status as LifecycleStatus,
      approach: (row.approach as string | null) ?? null,
      domain: (row.domain as string | null) ?? null,
      description: (row.description as string | null) ?? null,
      notes: (row.notes as string | null) ?? null,
      createdBy: (row.created_by as string | null) ?? null,
      activatedAt: (row.activated_at as Date | null) ?? null,
      deactivatedAt: (row.deactivated_at as Date | null) ?? null,
      createdAt: row.created_at as Date,
      updatedAt: row.updated_at as Date,
    };
  }

  /** Stores a new version; a second (name, version) is refused (ConstraintViolationError). */
  async create(input: ConfigVersionInput): Promise<ConfigVersion> {
    const status = input.status ?? 'draft';
    const result = await this.db.query<{ id: number }>(
      `INSERT INTO ${this.n.table} (${this.n.name}, ${this.n.version}, config, status, approach, domain, description, notes, created_by, activated_at)
VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8, $9, CASE WHEN $4 = 'active' THEN now() END)
RETURNING ${this.n.id} AS id`,
      [
        input.name,
        input.version,
        JSON.stringify(input.config),
        status,
        input.approach ?? null,
        input.domain ?? null,
        input.description ?? null,
        input.notes ?? null,
        input.createdBy ?? null,
      ],
    );
    const created = await this.get(result.rows[0]!.id);
    return created!;
  }

  /** The version with this id, or undefined. */
  async get(id: number, q: Queryable = this.db): Promise<ConfigVersion | undefined> {
    const result = await q.query<Record<string, unknown>>(`${this.select} WHERE ${this.n.id} = $1`, [id]);
    return result.rows[0] === undefined ? undefined : this.decode(result.rows[0]);
  }

  /** The version with this name and version string, or undefined. */
  async find(name: string, version: string): Promise<ConfigVersion | undefined> {
    const result = await this.db.query<Record<string, unknown>>(
      `${this.select} WHERE ${this.n.name} = $1 AND ${this.n.version} = $2`,
      [name, version],
    );
    return result.rows[0] === undefined ? undefined : this.decode(result.rows[0]);
  }

  /** Versions, optionally of one name and/or status, by name then id. */
  async list(filter: { name?: string; status?: LifecycleStatus } = {}): Promise<ConfigVersion[]> {
    const result = await this.db.query<Record<string, unknown>>(
      `${this.select} WHERE ($1::text IS NULL OR ${this.n.name} = $1) AND ($2::text IS NULL OR status = $2)
ORDER BY ${this.n.name}, ${this.n.id}`,
      [filter.name ?? null, filter.status ?? null],
    );
    return result.rows.map((row) => this.decode(row));
  }

  /** The active version of a name, or undefined. */
  async active(name: string): Promise<ConfigVersion | undefined> {
    return (await this.list({ name, status: 'active' }))[0];
  }

  /**
   * Moves a version to `status` and logs the transition, in one transaction. Activating a version
   * deprecates the name's previously active version in the same transaction (also logged).
   * Setting the current status again is a no-op. Unknown ids throw a StoreError.
   */
  async setStatus(id: number, status: LifecycleStatus, options: SetStatusOptions): Promise<ConfigVersion> {
    return this.db.transaction(async (tx) => {
      const row = await tx.query<{ name: string; status: LifecycleStatus }>(
        `SELECT ${this.n.name} AS name, status FROM ${this.n.table} WHERE ${this.n.id} = $1 FOR UPDATE`,
        [id],
      );
      const current = row.rows[0];
      if (current === undefined) {
        throw new StoreError(`${this.n.table}: no row with id ${id}`);
      }
      if (current.status === status) {
        return (await this.get(id, tx))!;
      }
      if (status === 'active') {
        const previous = await tx.query<{ id: number }>(
          `SELECT ${this.n.id} AS id FROM ${this.n.table} WHERE ${this.n.name} = $1 AND status = 'active' AND ${this.n.id} <> $2 FOR UPDATE`,
          [current.name, id],
        );
        for (const p of previous.rows) {
          await this.transition(tx, p.id, 'active', 'deprecated', {
            actor: options.actor,
            reason: `superseded by ${this.n.entityType} ${id}`,
          });
        }
      }
      await this.transition(tx, id, current.status, status, options);
      return (await this.get(id, tx))!;
    });
  }

  private async transition(
    tx: Queryable,
    id: number,
    from: LifecycleStatus,
    to: LifecycleStatus,
    options: SetStatusOptions,
  ): Promise<void> {
    await tx.query(
      `UPDATE ${this.n.table} SET status = $2, updated_at = now(),
  activated_at = CASE WHEN $2 = 'active' THEN now() ELSE activated_at END,
  deactivated_at = CASE WHEN $2 = 'deprecated' AND activated_at IS NOT NULL THEN now() ELSE deactivated_at END
WHERE ${this.n.id} = $1`,
      [id, to],
    );
    await tx.query(
      `INSERT INTO lifecycle_transitions (entity_type, entity_id, from_status, to_status, actor, reason)
VALUES ($1, $2, $3, $4, $5, $6)`,
      [this.n.entityType, id, from, to, options.actor, options.reason ?? null],
    );
  }

  /** The lifecycle log of one version, oldest first. */
  async transitions(id: number): Promise<LifecycleTransition[]> {
    const result = await this.db.query<Record<string, unknown>>(
      `SELECT transition_id, entity_id, from_status, to_status, actor, reason, transitioned_at
FROM lifecycle_transitions WHERE entity_type = $1 AND entity_id = $2 ORDER BY transition_id`,
      [this.n.entityType, id],
    );
    return result.rows.map((r) => ({
      transitionId: r.transition_id as number,
      entityId: r.entity_id as number,
      fromStatus: (r.from_status as LifecycleStatus | null) ?? null,
      toStatus: r.to_status as LifecycleStatus,
      actor: r.actor as string,
      reason: (r.reason as string | null) ?? null,
      transitionedAt: r.transitioned_at as Date,
    }));
  }

  /** Updates the free-text notes (config stays immutable). */
  async setNotes(id: number, notes: string | null): Promise<void> {
    await this.db.query(`UPDATE ${this.n.table} SET notes = $2, updated_at = now() WHERE ${this.n.id} = $1`, [
      id,
      notes,
    ]);
  }
}

export const strategiesNaming: Naming = {
  table: 'strategies',
  id: 'strategy_id',
  name: 'strategy_name',
  version: 'strategy_version',
  entityType: 'strategy',
};

export const modelsNaming: Naming = {
  table: 'probability_models',
  id: 'model_id',
  name: 'model_name',
  version: 'model_version',
  entityType: 'model',
};
