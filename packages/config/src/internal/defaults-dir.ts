import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The directory of the YAML defaults shipped with the package (`<package>/defaults`). Found by
 * walking up from this module, which sits in `src/internal/` when run from source and in
 * `dist/` when built (tsup shims `import.meta.url` in the CommonJS build).
 */
export function defaultsDir(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'defaults');
    if (existsSync(join(candidate, 'system.yaml'))) {
      cached = candidate;
      return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error(`@precog/config: packaged defaults not found above ${fileURLToPath(import.meta.url)}`);
}
