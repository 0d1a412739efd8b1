import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/contract/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Property tests draw from a fixed seed (test/setup/fast-check-seed.ts): FC_SEED replays
    // another, FC_RANDOM=1 draws a new one per run.
    setupFiles: ['test/setup/fast-check-seed.ts'],
    reporters: ['default'],
  },
});
