import { packageTestConfig } from '../../vitest.shared';

// `pnpm test:live`: only the tests that talk to the real Kalshi demo exchange.
export default packageTestConfig({ lines: 0, include: ['live/**/*.live.test.ts'], testTimeout: 60_000 });
