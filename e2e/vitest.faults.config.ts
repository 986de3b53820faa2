import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

/** The fault suite (`npm run test:faults`): scenarios that kill, cut and delay real processes. */
export default defineConfig({
  resolve: {
    // One copy of graphql for Apollo (CJS) and the services (see gateway/vitest.config.ts).
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["faults/**/*.fault.test.ts"],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
