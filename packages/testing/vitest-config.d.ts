import type { ViteUserConfig } from "vitest/config";

/** Resolves graphql to the one copy Apollo loads (see vitest-config.js). */
export declare const oneGraphql: { alias: { find: RegExp; replacement: string }[] };
export declare function subgraphVitestConfig(timeouts?: { testTimeout?: number; hookTimeout?: number }): ViteUserConfig;
