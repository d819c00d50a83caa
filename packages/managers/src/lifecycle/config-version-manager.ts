import {
  type ConfigVersion,
  type ConfigVersionRepository,
  ConstraintViolationError,
  type Json,
  type LifecycleStatus,
  type LifecycleTransition,
  LifecycleTransitionError,
} from '@precog/scd2-store';
import type { z } from 'zod';
import { canonicalJson } from './canonical-json';
import {
  ImmutableConfigError,
  InvalidConfigError,
  InvalidTransitionError,
  VersionNotFoundError,
} from './errors';
import { isAllowedTransition } from './transitions';

/** A config as stored: a JSON object whose `type` names the schema that validates it. */
export type StoredConfig = { type: string; [key: string]: Json };

/** Parameters of {@link ConfigVersionManager.create}. */
export interface CreateVersionParams {
  name: string;
  /** Version label, e.g. `1.0.0`; unique per name. */
  version: string;
  /** The config; its `type` picks the schema. Validated, then stored exactly as given, forever. */
  config: StoredConfig;
  description?: string | null;
  notes?: string | null;
  /** Recorded as `created_by`. */
  createdBy?: string | null;
}

/** Who moves a version and why (both land in the lifecycle log). */
export interface TransitionOptions {
  /** User or service name. Required. */
  actor: string;
  reason?: string;
}

/** A version with its config parsed by the schema of its type. */
export type ParsedVersion<TParsed> = ConfigVersion & { parsed: TParsed };

/** Options of a {@link ConfigVersionManager}. */
export interface ConfigVersionManagerOptions<TParsed> {
  /** `strategy` or `model`: used in messages. */
  kind: string;
  /** The zod schema of each config `type`. */
  schemas: Readonly<Record<string, z.ZodType<TParsed, unknown>>>;
  /**
   * How many times an activation that lost a race (another version of the name became active
   * between our read and our write) is retried. Default 5.
   */
  activationRetries?: number;
}

/**
 * Immutable-config versions with a lifecycle (DESIGN.md "Lifecycles"): create a validated
 * version, move it draft → testing → active → deprecated (testing → draft; any non-deprecated →
 * deprecated), at most one active per name. Refused moves raise {@link InvalidTransitionError}
 * before the database would refuse them (PC003); a second config under the same (name, version)
 * raises {@link ImmutableConfigError} (the database refuses any UPDATE of a config, PC002).
 */
export class ConfigVersionManager<TParsed> {
  protected readonly repo: ConfigVersionRepository;
  private readonly kind: string;
  private readonly schemas: Readonly<Record<string, z.ZodType<TParsed, unknown>>>;
  private readonly retries: number;

  constructor(repo: ConfigVersionRepository, options: ConfigVersionManagerOptions<TParsed>) {
    this.repo = repo;
    this.kind = options.kind;
    this.schemas = options.schemas;
    this.retries = options.activationRetries ?? 5;
  }

  /** Validates a config against the schema of its `type`; throws {@link InvalidConfigError}. */
  parseConfig(name: string, config: unknown): TParsed {
    if (config === null || typeof config !== 'object' || Array.isArray(config)) {
      throw new InvalidConfigError(this.kind, name, ['config: must be a JSON object']);
    }
    const type = (config as { type?: unknown }).type;
    const schema = typeof type === 'string' ? this.schemas[type] : undefined;
    if (schema === undefined) {
      throw new InvalidConfigError(this.kind, name, [
        `type: must be one of ${Object.keys(this.schemas).join(', ')}, got ${JSON.stringify(type)}`,
      ]);
    }
    const result = schema.safeParse(config);
    if (!result.success) {
      throw new InvalidConfigError(
        this.kind,
        name,
        result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
        { cause: result.error },
      );
    }
    return result.data;
  }

  /**
   * Stores a new draft version. Creating the same (name, version) again with the same config
   * returns the stored one (idempotent); with another config it raises {@link ImmutableConfigError}.
   */
  async create(params: CreateVersionParams): Promise<ParsedVersion<TParsed>> {
    const parsed = this.parseConfig(params.name, params.config);
    const existing = await this.repo.find(params.name, params.version);
    if (existing !== undefined) return this.sameOrRefuse(existing, params, parsed);
    try {
      const created = await this.repo.create({
        name: params.name,
        version: params.version,
        config: params.config,
        approach: params.config.type,
        description: params.description ?? null,
        notes: params.notes ?? null,
        createdBy: params.createdBy ?? null,
      });
      return { ...created, parsed };
    } catch (error) {
      // Another process created it between our find and our insert.
      const raced = await this.repo.find(params.name, params.version);
      if (raced !== undefined && error instanceof ConstraintViolationError) {
        return this.sameOrRefuse(raced, params, parsed);
      }
      throw error;
    }
  }

  private sameOrRefuse(existing: ConfigVersion, params: CreateVersionParams, parsed: TParsed) {
    if (canonicalJson(existing.config) !== canonicalJson(params.config)) {
      throw new ImmutableConfigError(this.kind, params.name, params.version);
    }
    return { ...existing, parsed };
  }

  /** The version with this id, its config parsed; {@link VersionNotFoundError} when absent. */
  async get(id: number): Promise<ParsedVersion<TParsed>> {
    const version = await this.repo.get(id);
    if (version === undefined) throw new VersionNotFoundError(this.kind, `id ${id}`);
    return this.withParsed(version);
  }

  /** The version with this name and version label; {@link VersionNotFoundError} when absent. */
  async find(name: string, version: string): Promise<ParsedVersion<TParsed>> {
    const found = await this.repo.find(name, version);
    if (found === undefined) throw new VersionNotFoundError(this.kind, `${name}@${version}`);
    return this.withParsed(found);
  }

  /** The active version of a name, or undefined when none is active. */
  async getActive(name: string): Promise<ParsedVersion<TParsed> | undefined> {
    const active = await this.repo.active(name);
    return active === undefined ? undefined : this.withParsed(active);
  }

  /** Versions, optionally of one name and/or status, by name then id. */
  list(filter: { name?: string; status?: LifecycleStatus } = {}): Promise<ConfigVersion[]> {
    return this.repo.list(filter);
  }

  /** The lifecycle log of one version, oldest first. */
  history(id: number): Promise<LifecycleTransition[]> {
    return this.repo.transitions(id);
  }

  /** draft → testing. */
  startTesting(id: number, options: TransitionOptions): Promise<ConfigVersion> {
    return this.transition(id, 'testing', options);
  }

  /** testing → draft. */
  backToDraft(id: number, options: TransitionOptions): Promise<ConfigVersion> {
    return this.transition(id, 'draft', options);
  }

  /**
   * testing → active. The name's previously active version is deprecated in the same
   * transaction (logged with reason `superseded by <kind> <id>`).
   */
  activate(id: number, options: TransitionOptions): Promise<ConfigVersion> {
    return this.transition(id, 'active', options);
  }

  /** Any non-deprecated status → deprecated. */
  deprecate(id: number, options: TransitionOptions): Promise<ConfigVersion> {
    return this.transition(id, 'deprecated', options);
  }

  /**
   * Moves a version to `to`, logging the move with actor and reason, in one transaction. The same
   * status again is a no-op (nothing logged). A move the lifecycle forbids raises
   * {@link InvalidTransitionError} naming from and to; nothing is written.
   */
  async transition(id: number, to: LifecycleStatus, options: TransitionOptions): Promise<ConfigVersion> {
    if (options.actor.trim() === '') {
      throw new InvalidConfigError(this.kind, `id ${id}`, ['actor: required for a lifecycle transition']);
    }
    for (let attempt = 0; ; attempt += 1) {
      const current = await this.repo.get(id);
      if (current === undefined) throw new VersionNotFoundError(this.kind, `id ${id}`);
      if (current.status === to) return current;
      if (!isAllowedTransition(current.status, to)) {
        throw new InvalidTransitionError(this.kind, id, current.status, to);
      }
      try {
        return await this.repo.setStatus(id, to, { actor: options.actor, reason: options.reason });
      } catch (error) {
        // Two activations at once: the loser's UPDATE meets the one-active index after the winner
        // commits. Retrying re-reads the new active version and deprecates it first.
        const lostRace =
          error instanceof ConstraintViolationError &&
          (error.constraint ?? '').endsWith('_one_active_per_name') &&
          attempt < this.retries;
        if (lostRace) continue;
        if (error instanceof LifecycleTransitionError) {
          const now = await this.repo.get(id);
          throw new InvalidTransitionError(this.kind, id, now?.status ?? current.status, to, {
            cause: error,
          });
        }
        throw error;
      }
    }
  }

  private withParsed(version: ConfigVersion): ParsedVersion<TParsed> {
    return { ...version, parsed: this.parseConfig(version.name, version.config) };
  }
}
