// Plain JavaScript: vitest loads a config's imports from packages with Node itself, which runs no TypeScript.
import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

/**
 * Vite would pick graphql's ESM build while Apollo requires the CJS one; two copies of graphql break
 * its instanceof checks ("Cannot use GraphQLSchema from another module or realm"), and a service's
 * own graphql-js calls on Apollo's schema would fail. Every suite that runs a subgraph or the
 * gateway resolves graphql to the one copy Apollo loads.
 */
export const oneGraphql = { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] };

/**
 * The vitest settings of a subgraph's suite: its files run one at a time, each starting a service
 * on a database of its own, so slow starts get long hook timeouts.
 * @param {{ testTimeout?: number; hookTimeout?: number }} [timeouts]
 */
export function subgraphVitestConfig(timeouts = {}) {
  return defineConfig({
    resolve: oneGraphql,
    test: {
      include: ["test/**/*.test.ts"],
      testTimeout: 30_000,
      hookTimeout: 120_000,
      fileParallelism: false,
      ...timeouts,
    },
  });
}
