import { packageTestConfig } from '../../vitest.shared';

export default packageTestConfig({ lines: 85, testTimeout: 60_000 });
