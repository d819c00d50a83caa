import { packageTestConfig } from '../../vitest.shared';

// An example app: its end-to-end test spawns the bot as a user would, so there is no coverage
// gate. Tests that import the bot load pg (through the store); Vitest hands
// `ssr.resolve.conditions` to its workers as `--conditions`, and with `import` among them pg's own
// `require('pg-pool')` gets pg-pool's ESM build, so the workers only get our source condition.
const config = packageTestConfig({ lines: 0, testTimeout: 120_000 });
config.ssr = { ...config.ssr, resolve: { ...config.ssr?.resolve, conditions: ['@precog/source', 'node'] } };

export default config;
