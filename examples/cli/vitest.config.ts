import { packageTestConfig } from '../../vitest.shared';

// The CLI is an example app: its end-to-end tests spawn it as a user would, so in-process
// line coverage says little; no gate here.
export default packageTestConfig({ lines: 0, testTimeout: 120_000 });
