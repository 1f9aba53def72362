import { defineConfig } from "vitest/config";

// Two projects: `node` (unit, repository, integration against real servers) and `e2e` (Chromium via playwright-core).
// Both need a Remix build (npm test builds first). Files run in separate forks; each starts its own server on port 0.
export default defineConfig({
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname } },
  test: {
    globals: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    // VITEST_REPORT names another file for a second run (npm run test:collab-process), so it does not overwrite this one.
    reporters: ["default", ["json", { outputFile: process.env.VITEST_REPORT ?? ".tmp/vitest-report.json" }]],
    projects: [
      {
        extends: true,
        test: { name: "node", include: ["tests/**/*.test.ts", "server/**/*.test.ts", "db/**/*.test.ts", "search/**/*.test.ts"], exclude: ["tests/e2e/**", "node_modules/**"], maxWorkers: 2 },
      },
      {
        extends: true,
        test: { name: "e2e", include: ["tests/e2e/**/*.test.ts"], maxWorkers: 1, testTimeout: 90_000 },
      },
    ],
  },
});
