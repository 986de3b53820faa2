import { createRequire } from "node:module";
import { configDefaults, defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql for Apollo (CJS) and the services (see gateway/vitest.config.ts).
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  // The fault suite runs on its own (vitest.faults.config.ts, `npm run test:faults`).
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    exclude: [...configDefaults.exclude, "faults/**"],
  },
});
