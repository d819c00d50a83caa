import type { LifecycleStatus } from '@precog/scd2-store';
import { ManagersError } from '../errors';

/** The `Symbol.for` marker of {@link InvalidTransitionError}: the same symbol in every copy of the package. */
const INVALID_TRANSITION_MARKER = Symbol.for('precog.managers.InvalidTransitionError');

/** A lifecycle move the rules forbid (e.g. `draft → active`, anything out of `deprecated`). */
export class InvalidTransitionError extends ManagersError {
  /**
   * True when `value` is a `InvalidTransitionError` (or subclass) from any copy of the package (ESM and CJS
   * builds, two versions in one tree), where `instanceof` only knows this copy's class.
   */
  static override isInstance(value: unknown): value is InvalidTransitionError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[INVALID_TRANSITION_MARKER] === true
    );
  }

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
    Object.defineProperty(this, INVALID_TRANSITION_MARKER, { value: true, enumerable: false });
    this.from = from;
    this.to = to;
    this.versionId = versionId;
  }
}

/** The `Symbol.for` marker of {@link ImmutableConfigError}: the same symbol in every copy of the package. */
const IMMUTABLE_CONFIG_MARKER = Symbol.for('precog.managers.ImmutableConfigError');

/** An attempt to store a different config under an existing (name, version): configs never change. */
export class ImmutableConfigError extends ManagersError {
  /**
   * True when `value` is a `ImmutableConfigError` (or subclass) from any copy of the package (ESM and CJS
   * builds, two versions in one tree), where `instanceof` only knows this copy's class.
   */
  static override isInstance(value: unknown): value is ImmutableConfigError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[IMMUTABLE_CONFIG_MARKER] === true
    );
  }

  override readonly name: string = 'ImmutableConfigError';
  readonly versionName: string;
  readonly version: string;

  constructor(kind: string, name: string, version: string, options?: { cause?: unknown }) {
    super(
      `${kind} ${name}@${version} already exists with another config; configs are immutable, create a new version`,
      options,
    );
    Object.defineProperty(this, IMMUTABLE_CONFIG_MARKER, { value: true, enumerable: false });
    this.versionName = name;
    this.version = version;
  }
}

/** The `Symbol.for` marker of {@link InvalidConfigError}: the same symbol in every copy of the package. */
const INVALID_CONFIG_MARKER = Symbol.for('precog.managers.InvalidConfigError');

/** A config that does not satisfy the schema of its type; `issues` lists each problem as `path: message`. */
export class InvalidConfigError extends ManagersError {
  /**
   * True when `value` is a `InvalidConfigError` (or subclass) from any copy of the package (ESM and CJS
   * builds, two versions in one tree), where `instanceof` only knows this copy's class.
   */
  static override isInstance(value: unknown): value is InvalidConfigError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[INVALID_CONFIG_MARKER] === true
    );
  }

  override readonly name: string = 'InvalidConfigError';
  readonly issues: readonly string[];

  constructor(kind: string, name: string, issues: readonly string[], options?: { cause?: unknown }) {
    super(`${kind} ${name}: invalid config: ${issues.join('; ')}`, options);
    Object.defineProperty(this, INVALID_CONFIG_MARKER, { value: true, enumerable: false });
    this.issues = issues;
  }
}

/** The `Symbol.for` marker of {@link VersionNotFoundError}: the same symbol in every copy of the package. */
const VERSION_NOT_FOUND_MARKER = Symbol.for('precog.managers.VersionNotFoundError');

/** No strategy / model version with that id (or name and version). */
export class VersionNotFoundError extends ManagersError {
  /**
   * True when `value` is a `VersionNotFoundError` (or subclass) from any copy of the package (ESM and CJS
   * builds, two versions in one tree), where `instanceof` only knows this copy's class.
   */
  static override isInstance(value: unknown): value is VersionNotFoundError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[VERSION_NOT_FOUND_MARKER] === true
    );
  }

  override readonly name: string = 'VersionNotFoundError';

  constructor(kind: string, what: string, options?: { cause?: unknown }) {
    super(`${kind} ${what} not found`, options);
    Object.defineProperty(this, VERSION_NOT_FOUND_MARKER, { value: true, enumerable: false });
  }
}
