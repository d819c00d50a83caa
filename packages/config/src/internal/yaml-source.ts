import Decimal from 'decimal.js';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments } from 'yaml';
import { ConfigSyntaxError, type FilePosition } from '../errors';

/** A parsed YAML document: plain data plus a way to find where a key path sits in the text. */
export interface ParsedYaml {
  data: unknown;
  positionOf(path: readonly (string | number)[]): FilePosition | undefined;
}

const SEP = '\u0000';
const childKey = (path: string, key: string) => (path === '' ? key : `${path}${SEP}${key}`);

/**
 * Numbers written with a fraction or an exponent become `Decimal`, built from the literal text
 * exactly as written (never through a float); integers stay JS numbers. Schemas then accept an
 * integer where a decimal is wanted, but reject `30.5` where an integer is wanted.
 */
function toData(
  node: Node | null | undefined,
  path: string,
  offsets: Map<string, number>,
  duplicate: (keyNode: unknown) => never,
): unknown {
  if (node == null) return null;
  const offset = node.range?.[0];
  if (offset !== undefined) offsets.set(path, offset);
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    // Duplicate keys are found here with a Set: the library's own `uniqueKeys` check compares
    // each key with every earlier one, which made a large mapping quadratic.
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (seen.has(key)) duplicate(pair.key);
      seen.add(key);
      out[key] = toData(pair.value as Node | null, childKey(path, key), offsets, duplicate);
    }
    return out;
  }
  if (isSeq(node)) {
    return node.items.map((item, i) =>
      toData(item as Node | null, childKey(path, String(i)), offsets, duplicate),
    );
  }
  if (isScalar(node)) {
    const { value, source } = node;
    if (typeof value === 'number' && Number.isFinite(value) && source !== undefined) {
      const text = source.replace(/_/g, '');
      if (/^[-+]?(\d+\.\d*|\.\d+|\d+(\.\d*)?[eE][-+]?\d+)$/.test(text)) return new Decimal(text);
    }
    return value;
  }
  // Aliases and anything exotic: let the library resolve it.
  return (node as { toJSON?: () => unknown }).toJSON?.() ?? null;
}

/**
 * Parses one YAML document. `label` names the file (or variable) in errors. An empty file (or
 * one with only comments) is an empty mapping. Several documents in one stream are an error
 * (the reference design's system.yaml ended with a stray `---`; we report it instead of guessing).
 */
export function parseYaml(text: string, label: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  if (!Array.isArray(docs)) {
    // An empty stream comes back as an EmptyStream (not an array).
    return { data: {}, positionOf: () => undefined };
  }
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      const offset = error.pos[0];
      const pos = lineCounter.linePos(offset);
      throw new ConfigSyntaxError(label, error.message.split('\n')[0] ?? error.code, {
        line: pos.line,
        column: pos.col,
      });
    }
  }
  // A bare trailing `---` opens an empty document; only documents with content count.
  const nonEmpty = docs.filter(
    (doc) => doc.contents !== null && !(isScalar(doc.contents) && doc.contents.value === null),
  );
  if (nonEmpty.length > 1) {
    const second = nonEmpty[1]!;
    const pos = lineCounter.linePos(second.range[0]);
    throw new ConfigSyntaxError(label, 'expected a single YAML document, found several', {
      line: pos.line,
      column: pos.col,
    });
  }
  const doc = nonEmpty[0];
  if (!doc) return { data: {}, positionOf: () => undefined };
  // Where each value starts, recorded while converting: a lookup per key path is then O(1)
  // (the library's `getIn` searches each mapping linearly, which made loading quadratic).
  const offsets = new Map<string, number>();
  const duplicate = (keyNode: unknown): never => {
    const pos = lineCounter.linePos((keyNode as Node | null)?.range?.[0] ?? 0);
    throw new ConfigSyntaxError(label, 'Map keys must be unique', { line: pos.line, column: pos.col });
  };
  const data = toData(doc.contents as Node | null, '', offsets, duplicate);
  return {
    data: data ?? {},
    positionOf(path) {
      const offset = offsets.get(path.map(String).join(SEP));
      if (offset === undefined) return undefined;
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    },
  };
}

/** Parses an environment variable's value the way a YAML scalar would be read. */
export function parseYamlValue(text: string, label: string): unknown {
  const parsed = parseYaml(text, label).data;
  // `parseYaml` turns "nothing" into {}; a variable set to the empty string means "".
  return text.trim() === '' ? '' : parsed;
}
