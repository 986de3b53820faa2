import { oneGraphql } from "@atelier/testing/vitest-config";
import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  resolve: oneGraphql,
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // The fault scenarios run on their own (`npm run test:faults`, faults/vitest.config.ts).
    exclude: [...configDefaults.exclude, "faults/**"],
  },
});
