/** Where one resolved configuration value came from. */
export type ConfigSource =
  /** The defaults shipped inside @precog/config (`defaults/<file>.yaml`) or built into the code. */
  | { kind: 'default'; file?: string; line?: number }
  /** A YAML file in the configuration directory. */
  | { kind: 'file'; file: string; line?: number }
  /** A variable read from a `.env.<env>` file. */
  | { kind: 'dotenv'; file: string; variable: string }
  /** A variable of the process environment. */
  | { kind: 'env'; variable: string }
  /** An explicit override passed to `loadConfig` (the CLI labels its flags `flag`). */
  | { kind: 'override'; label: string };

/** One line of a short, human-readable description of a source, e.g. `config/trading.yaml:12`. */
export function describeSource(source: ConfigSource): string {
  switch (source.kind) {
    case 'default':
      return 'default';
    case 'file':
      return source.line ? `${source.file}:${source.line}` : source.file;
    case 'dotenv':
      return `${source.file} (${source.variable})`;
    case 'env':
      return `env ${source.variable}`;
    case 'override':
      return source.label;
  }
}
