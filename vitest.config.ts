import { defineConfig } from 'vitest/config';

// Runs every package's own vitest config at once (`pnpm vitest` from the root, for development).
// CI runs each package separately (`pnpm test`) so each keeps its own coverage gate.
export default defineConfig({
  test: { projects: ['packages/*', 'examples/*'] },
});
