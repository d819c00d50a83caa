import { packageTestConfig } from '../../vitest.shared';

export default packageTestConfig({ lines: 90 });
