// Plain JavaScript: vitest loads a config's imports from packages with Node itself, which runs no TypeScript.
import { defineConfig } from "vitest/config";

/**
 * The vitest settings of a subgraph's suite: its files run one at a time, each starting a service
 * on a database of its own, so slow starts get long hook timeouts.
 * @param {{ testTimeout?: number; hookTimeout?: number }} [timeouts]
 */
export function subgraphVitestConfig(timeouts = {}) {
  return defineConfig({
    test: {
      include: ["test/**/*.test.ts"],
      testTimeout: 30_000,
      hookTimeout: 120_000,
      fileParallelism: false,
      ...timeouts,
    },
  });
}
