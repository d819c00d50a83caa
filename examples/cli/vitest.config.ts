import { packageTestConfig } from '../../vitest.shared';

// The CLI is an example app: its end-to-end tests spawn it as a user would, so in-process
// line coverage says little; no gate here.
const config = packageTestConfig({ lines: 0, testTimeout: 120_000 });
// The sync end-to-end tests open stores (pg) in the test process. Vitest hands
// `ssr.resolve.conditions` to its workers as `--conditions`; with `import` among them pg's own
// `require('pg-pool')` gets pg-pool's ESM build and `new Pool` breaks (as in packages/scd2-store).
config.ssr = { ...config.ssr, resolve: { ...config.ssr?.resolve, conditions: ['@precog/source', 'node'] } };

export default config;
