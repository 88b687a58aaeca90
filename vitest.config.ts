import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // local-aws tests start real servers and move tens of MiB: generous, but bounded.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: run files in parallel but keep the heavy ones from starving each other.
    maxWorkers: 2,
  },
});
