import { oneGraphql } from "@atelier/testing/vitest-config";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: oneGraphql,
  test: { testTimeout: 20_000, hookTimeout: 30_000 },
});
