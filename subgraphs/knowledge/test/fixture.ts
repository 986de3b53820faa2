import { defineSubgraphTest, type Subgraph } from "@atelier/testing";
import { loadKnowledgeConfig } from "../src/config";
import { createKnowledgeService, type KnowledgeService } from "../src/server";

/** The knowledge service with the built-in embedder and the embedded vector store. */
export const knowledgeTest = defineSubgraphTest({
  service: "knowledge",
  env: { DATABASE_POOL_MAX: "5", URI_FETCH_ALLOW_PRIVATE: "true" },
  start: (env) => createKnowledgeService(loadKnowledgeConfig(env)),
});

export type KnowledgeSubgraph = Subgraph<KnowledgeService>;
