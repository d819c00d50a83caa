import { mergeConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared';

// Vitest hands `ssr.resolve.conditions` to its Node workers as `--conditions`. With `import` among
// them, pg's own `require('pg-pool')` gets pg-pool's ESM build and `new Pool` breaks; the workers
// only need our source condition.
const base = packageTestConfig({ lines: 90, testTimeout: 60_000 });
base.ssr = { ...base.ssr, resolve: { ...base.ssr?.resolve, conditions: ['@precog/source', 'node'] } };

export default mergeConfig(base, {});
