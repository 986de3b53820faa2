import { subgraphVitestConfig } from "@atelier/testing/vitest-config";

export default subgraphVitestConfig();
