import { oneGraphql } from "@atelier/testing/vitest-config";
import { defineConfig } from "vitest/config";

export default defineConfig({ resolve: oneGraphql, test: { testTimeout: 60_000, hookTimeout: 120_000 } });
