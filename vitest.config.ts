import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Missing Chromium, socat or unshare fails the run by name (tests/setup/prerequisites.ts).
    globalSetup: ['tests/setup/global.ts'],
    reporters: ['default', './tests/setup/optOutReporter.ts'],
  },
});
