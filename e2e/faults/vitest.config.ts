import { oneGraphql } from "@atelier/testing/vitest-config";
import { defineConfig } from "vitest/config";

// `npm run test:faults`: the fault scenarios, one file at a time (each starts its own stack and
// injects faults into it), kept out of `npm test`.
export default defineConfig({
  root: import.meta.dirname,
  resolve: oneGraphql,
  test: {
    include: ["**/*.fault.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
