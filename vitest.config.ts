import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // local-aws tests start real servers and move tens of MiB: generous, but bounded.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: run files in parallel but keep the heavy ones from starving each other.
    maxWorkers: 2,
    // One CA for every stand-in of the run, trusted by the workers through NODE_EXTRA_CA_CERTS.
    globalSetup: ['tests/setup/test-ca.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**'],
        },
      },
      {
        // A project of its own so the renderer is built only when E2E files are part of the run.
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
