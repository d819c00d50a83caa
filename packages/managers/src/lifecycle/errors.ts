import type { LifecycleStatus } from '@precog/scd2-store';
import { ManagersError } from '../errors';

/** A lifecycle move the rules forbid (e.g. `draft → active`, anything out of `deprecated`). */
export class InvalidTransitionError extends ManagersError {
  override readonly name: string = 'InvalidTransitionError';
  readonly from: LifecycleStatus;
  readonly to: LifecycleStatus;
  /** The strategy / model version id. */
  readonly versionId: number;

  constructor(
    kind: string,
    versionId: number,
    from: LifecycleStatus,
    to: LifecycleStatus,
    options?: { cause?: unknown },
  ) {
    super(`${kind} ${versionId}: lifecycle transition ${from} -> ${to} is not allowed`, options);
    this.from = from;
    this.to = to;
    this.versionId = versionId;
  }
}

/** An attempt to store a different config under an existing (name, version): configs never change. */
export class ImmutableConfigError extends ManagersError {
  override readonly name: string = 'ImmutableConfigError';
  readonly versionName: string;
  readonly version: string;

  constructor(kind: string, name: string, version: string, options?: { cause?: unknown }) {
    super(
      `${kind} ${name}@${version} already exists with another config; configs are immutable, create a new version`,
      options,
    );
    this.versionName = name;
    this.version = version;
  }
}

/** A config that does not satisfy the schema of its type; `issues` lists each problem as `path: message`. */
export class InvalidConfigError extends ManagersError {
  override readonly name: string = 'InvalidConfigError';
  readonly issues: readonly string[];

  constructor(kind: string, name: string, issues: readonly string[], options?: { cause?: unknown }) {
    super(`${kind} ${name}: invalid config: ${issues.join('; ')}`, options);
    this.issues = issues;
  }
}

/** No strategy / model version with that id (or name and version). */
export class VersionNotFoundError extends ManagersError {
  override readonly name: string = 'VersionNotFoundError';

  constructor(kind: string, what: string, options?: { cause?: unknown }) {
    super(`${kind} ${what} not found`, options);
  }
}
