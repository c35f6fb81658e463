import { defineConfig } from "vitest/config";

// Unit, query and route tests (no Remix plugin: routes are imported as plain modules and called
// with real Requests). Browser tests have their own config: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/routes/**/*.test.ts"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/fail-on-console-error.ts"],
    pool: "forks",
    testTimeout: 20_000,
  },
});
