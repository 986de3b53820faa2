import { subgraphVitestConfig } from "@atelier/testing/vitest-config";

export default subgraphVitestConfig({ testTimeout: 60_000, hookTimeout: 180_000 });
