import { defineConfig } from "vitest/config";

// Machines have 2 cores; the JSON report is what .ci/run counts from.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // fast-check generates up to each array's stated maxLength (test/setup-fast-check.ts).
    setupFiles: ["test/setup-fast-check.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});
