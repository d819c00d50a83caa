import { existsSync, readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { ConfigFileNotFoundError } from '../errors';
import type { ConfigSource } from '../sources';

/** A variable's value and where it was read. */
export interface Variable {
  value: string;
  source: ConfigSource;
}

/** Variables of the `.env.<env>` file overlaid by the process environment. */
export class Variables implements Iterable<[string, Variable]> {
  private readonly vars = new Map<string, Variable>();

  /**
   * @param envFile absolute path of the `.env` file, or `undefined` for none
   * @param required whether a missing `envFile` is an error (it was named explicitly)
   * @param display how the file is named in sources
   */
  constructor(
    envFile: string | undefined,
    required: boolean,
    runtimeEnv: Record<string, string | undefined>,
    display: (path: string) => string,
  ) {
    if (envFile !== undefined) {
      if (existsSync(envFile)) {
        for (const [variable, value] of Object.entries(parseDotenv(readFileSync(envFile)))) {
          this.vars.set(variable, { value, source: { kind: 'dotenv', file: display(envFile), variable } });
        }
      } else if (required) {
        throw new ConfigFileNotFoundError(envFile, 'environment file');
      }
    }
    for (const [variable, value] of Object.entries(runtimeEnv)) {
      if (value !== undefined) this.vars.set(variable, { value, source: { kind: 'env', variable } });
    }
  }

  /** The variable, unless it is unset or empty. */
  get(name: string): Variable | undefined {
    const found = this.vars.get(name);
    return found && found.value !== '' ? found : undefined;
  }

  /** The first of `names` that is set. */
  first(...names: string[]): Variable | undefined {
    for (const name of names) {
      const found = this.get(name);
      if (found) return found;
    }
    return undefined;
  }

  [Symbol.iterator](): Iterator<[string, Variable]> {
    return this.vars[Symbol.iterator]();
  }
}
