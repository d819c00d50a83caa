import type { PrecogConfig } from '../config-types';
import { type ConfigIssue, ConfigValidationError, UnknownConfigKeyError } from '../errors';
import type { Logger } from '../logger';
import { SECTION_NAMES, type SectionName, sectionSchemas } from '../schemas/sections';
import { describeSource } from '../sources';
import { formatPath, type LayeredTree, type Path } from './layers';
import { describeFound } from './render';

/** The validated sections, keyed by file name. */
export type ValidatedSections = Pick<PrecogConfig, SectionName>;

/** Where the value at `path` came from, as the origin / file / line of an issue. */
function whereFrom(tree: LayeredTree, path: Path): Pick<ConfigIssue, 'origin' | 'file' | 'line'> {
  const source = tree.sourceOf(path);
  if (!source) return {};
  return {
    origin: describeSource(source),
    ...('file' in source && source.file !== undefined && source.kind !== 'default'
      ? { file: source.file }
      : {}),
    ...('line' in source && source.line !== undefined && source.kind !== 'default'
      ? { line: source.line }
      : {}),
  };
}

/**
 * Validates every section of the merged tree. Unknown keys (and the `unknownVariables` found
 * earlier) are warnings that drop the key, or one {@link UnknownConfigKeyError} in strict mode;
 * any other problem throws one {@link ConfigValidationError} listing them all.
 */
export function validateSections(
  tree: LayeredTree,
  unknownVariables: readonly ConfigIssue[],
  options: { strict: boolean; logger: Logger },
): ValidatedSections {
  const unknown: ConfigIssue[] = [...unknownVariables];
  const problems: ConfigIssue[] = [];
  const sections: Record<string, unknown> = {};
  for (const section of SECTION_NAMES) {
    const schema = sectionSchemas[section];
    let result = schema.safeParse(tree.root[section] ?? {}, { reportInput: true });
    if (!result.success) {
      const unrecognized = result.error.issues.filter((issue) => issue.code === 'unrecognized_keys');
      for (const issue of unrecognized) {
        for (const key of issue.keys) {
          const path = [section, ...(issue.path as Path), key];
          unknown.push({
            keyPath: formatPath(path),
            expected: 'a key this configuration file defines',
            found: 'an unknown key',
            ...whereFrom(tree, path),
          });
          tree.remove(path);
        }
      }
      if (unrecognized.length > 0) result = schema.safeParse(tree.root[section] ?? {}, { reportInput: true });
    }
    if (result.success) {
      sections[section] = result.data;
      continue;
    }
    for (const issue of result.error.issues) {
      const path = [section, ...(issue.path as Path)];
      problems.push({
        keyPath: formatPath(path),
        expected: issue.message,
        found: describeFound((issue as { input?: unknown }).input),
        ...whereFrom(tree, path),
      });
    }
  }
  if (unknown.length > 0) {
    if (options.strict) throw new UnknownConfigKeyError(unknown);
    for (const issue of unknown) {
      options.logger.warn(
        { keyPath: issue.keyPath, origin: issue.origin },
        `unknown configuration key ${issue.keyPath}${issue.origin ? ` in ${issue.origin}` : ''} (ignored)`,
      );
    }
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return sections as ValidatedSections;
}
