import Decimal from 'decimal.js';
import type { ConfigSource } from '../sources';

export type Path = readonly (string | number)[];

/** Joins a key path for display: `trading.account.daily_loss_limit_dollars`. */
export function formatPath(path: Path): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

const SEP = '\u0000';
const keyOf = (path: Path) => path.map(String).join(SEP);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || Decimal.isDecimal(value)) {
    return false;
  }
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The merged, not yet validated configuration tree, with the source of every leaf. Mappings
 * merge key by key; lists and scalars replace whatever was below them.
 */
export class LayeredTree {
  readonly root: Record<string, unknown> = {};
  private readonly sources = new Map<string, ConfigSource>();
  /**
   * Every proper prefix of a path that ever got a source: only a value set at one of these can
   * replace leaves below it, so only then are the sources scanned (keeps loading linear in keys).
   */
  private readonly interior = new Set<string>();

  /** Applies `value` at `path`; nested mappings are applied leaf by leaf. */
  apply(path: Path, value: unknown, sourceAt: (path: Path) => ConfigSource): void {
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      for (const [key, child] of Object.entries(value)) this.apply([...path, key], child, sourceAt);
      return;
    }
    if (isPlainObject(value) && this.get(path) !== undefined) return; // `{}` adds nothing
    this.set(path, value, sourceAt(path));
  }

  private set(path: Path, value: unknown, source: ConfigSource): void {
    if (path.length === 0) return;
    let node: Record<string, unknown> = this.root;
    for (const key of path.slice(0, -1)) {
      const next = node[String(key)];
      if (!isPlainObject(next)) node[String(key)] = {};
      node = node[String(key)] as Record<string, unknown>;
    }
    node[String(path[path.length - 1])] = value;
    const prefix = keyOf(path);
    if (this.interior.has(prefix)) {
      // A scalar, list or `{}` replacing a mapping: the leaves below it go (rare, so a scan).
      for (const existing of [...this.sources.keys()]) {
        if (existing.startsWith(prefix + SEP)) this.sources.delete(existing);
      }
    }
    for (let n = 1; n < path.length; n++) this.interior.add(keyOf(path.slice(0, n)));
    this.sources.set(prefix, source);
  }

  get(path: Path): unknown {
    let node: unknown = this.root;
    for (const key of path) {
      if (!isPlainObject(node) && !Array.isArray(node)) return undefined;
      node = (node as Record<string, unknown>)[String(key)];
    }
    return node;
  }

  /** Removes the value at `path` (used for unknown keys that were only warned about). */
  remove(path: Path): void {
    const parent = this.get(path.slice(0, -1));
    if (isPlainObject(parent)) delete parent[String(path[path.length - 1])];
  }

  /** The source of the value at `path`, or of the closest ancestor / descendant that has one. */
  sourceOf(path: Path): ConfigSource | undefined {
    for (let n = path.length; n > 0; n--) {
      const found = this.sources.get(keyOf(path.slice(0, n)));
      if (found) return found;
    }
    const prefix = keyOf(path) + SEP;
    for (const [key, source] of this.sources) if (key.startsWith(prefix)) return source;
    return undefined;
  }

  /** Every leaf path with its source, in insertion order of the tree. */
  leaves(): Array<{ path: string[]; source: ConfigSource }> {
    return [...this.sources.entries()].map(([key, source]) => ({ path: key.split(SEP), source }));
  }
}
