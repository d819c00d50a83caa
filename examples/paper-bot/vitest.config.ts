import { packageTestConfig } from '../../vitest.shared';

// An example app: its test spawns the bot as a user would, so there is no coverage gate.
export default packageTestConfig({ lines: 0, testTimeout: 120_000 });
