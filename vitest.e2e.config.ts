import { defineConfig } from "vitest/config";

// Browser tests: Playwright driving Debian's Chromium against the production build (npm run build
// first), on a fresh demo database. One server for the run, started and stopped by the global setup.
export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/server.ts"],
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});
