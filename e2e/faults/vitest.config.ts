import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// `npm run test:faults`: the fault scenarios, one file at a time (each starts its own stack and
// injects faults into it), kept out of `npm test`.
export default defineConfig({
  root: import.meta.dirname,
  resolve: {
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["**/*.fault.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
