import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigIssue } from '../errors';
import { ConfigFileNotFoundError, ConfigFileTooLargeError, MAX_CONFIG_FILE_BYTES } from '../errors';
import type { Logger } from '../logger';
import { SECTION_NAMES } from '../schemas/sections';
import { describeSource } from '../sources';
import { defaultsDir } from './defaults-dir';
import type { LayeredTree } from './layers';
import type { Variables } from './variables';
import { type ParsedYaml, parseYaml, parseYamlValue } from './yaml-source';

function lineOf(parsed: ParsedYaml, path: readonly (string | number)[]): { line?: number } {
  const position = parsed.positionOf(path.slice(1));
  return position ? { line: position.line } : {};
}

/** Layer 1: the YAML defaults shipped inside the package. */
export function applyPackagedDefaults(tree: LayeredTree): void {
  const dir = defaultsDir();
  for (const section of SECTION_NAMES) {
    const parsed = parseYaml(
      readFileSync(join(dir, `${section}.yaml`), 'utf8'),
      `@precog/config/defaults/${section}.yaml`,
    );
    tree.apply([section], parsed.data, (path) => ({
      kind: 'default',
      file: `defaults/${section}.yaml`,
      ...lineOf(parsed, path),
    }));
  }
}

/**
 * Layer 2: `<section>.yaml` (or `.yml`) files of the configuration directory. In strict mode
 * each of the seven must exist. Other YAML files in the directory are reported as unknown.
 */
export function applyConfigDir(
  tree: LayeredTree,
  dir: string,
  options: { strict: boolean; logger: Logger; display: (path: string) => string },
): void {
  const known = new Set<string>();
  for (const section of SECTION_NAMES) {
    const candidates = [join(dir, `${section}.yaml`), join(dir, `${section}.yml`)];
    for (const candidate of candidates) known.add(candidate);
    const file = candidates.find((candidate) => existsSync(candidate));
    if (!file) {
      if (options.strict) throw new ConfigFileNotFoundError(candidates[0]!, 'configuration file');
      continue;
    }
    const label = options.display(file);
    // Bounded before reading: a runaway file fails at once with its name, not after minutes.
    const { size } = statSync(file);
    if (size > MAX_CONFIG_FILE_BYTES) throw new ConfigFileTooLargeError(label, size);
    const parsed = parseYaml(readFileSync(file, 'utf8'), label);
    tree.apply([section], parsed.data, (path) => ({ kind: 'file', file: label, ...lineOf(parsed, path) }));
  }
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (/\.ya?ml$/.test(entry) && !known.has(full)) {
      const label = options.display(full);
      options.logger.warn({ file: label }, `unknown configuration file ${label} (ignored)`);
    }
  }
}

/**
 * Layers 3 and 4: YAML keys set by variables `PRECOG_<FILE>__<KEY>[__<SUBKEY>...]`, their values
 * read as YAML. Returns the variables that name no known file (unknown keys).
 */
export function applyVariableKeys(tree: LayeredTree, variables: Variables): ConfigIssue[] {
  const unknown: ConfigIssue[] = [];
  for (const [name, { value, source }] of variables) {
    if (!name.startsWith('PRECOG_') || !name.includes('__')) continue;
    const [head, ...rest] = name.slice('PRECOG_'.length).split('__');
    const section = (head ?? '').toLowerCase();
    if (!(SECTION_NAMES as string[]).includes(section) || rest.length === 0 || rest.some((p) => p === '')) {
      unknown.push({
        keyPath: name,
        expected: 'PRECOG_<FILE>__<KEY>[__<SUBKEY>...] naming a known configuration file',
        found: `variable ${name}`,
        origin: describeSource(source),
      });
      continue;
    }
    const label = source.kind === 'dotenv' ? `${source.file} (${name})` : `env ${name}`;
    tree.apply(matchPath(tree, [section, ...rest]), parseYamlValue(value, label), () => source);
  }
  return unknown;
}

/** Variable names are upper-case; map each segment onto the existing key of any casing. */
function matchPath(tree: LayeredTree, segments: string[]): string[] {
  const out: string[] = [];
  for (const segment of segments) {
    const node = tree.get(out);
    const existing =
      node && typeof node === 'object'
        ? Object.keys(node).find((key) => key.toLowerCase() === segment.toLowerCase())
        : undefined;
    out.push(existing ?? segment.toLowerCase());
  }
  return out;
}
