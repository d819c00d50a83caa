import { mergeConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared';

// The sync tests open real stores (@precog/scd2-store → pg). Vitest hands
// `ssr.resolve.conditions` to its Node workers as `--conditions`; with `import` among them, pg's
// own `require('pg-pool')` gets pg-pool's ESM build and `new Pool` breaks, so the workers only get
// our source condition (as in packages/scd2-store).
const base = packageTestConfig({ lines: 90 });
base.ssr = { ...base.ssr, resolve: { ...base.ssr?.resolve, conditions: ['@precog/source', 'node'] } };

export default mergeConfig(base, {});
