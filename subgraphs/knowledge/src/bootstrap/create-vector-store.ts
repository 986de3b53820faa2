import type { KnowledgeConfig } from "../config";
import { EmbeddedVectorStore } from "../vector-store/embedded-vector-store";
import { QdrantVectorStore } from "../vector-store/qdrant-vector-store";
import type { VectorStore } from "../vector-store/vector-store";

export function createVectorStore(
  config: KnowledgeConfig["vectorStore"],
  search: KnowledgeConfig["search"],
): VectorStore {
  if (config.kind === "qdrant") {
    return new QdrantVectorStore({
      url: config.qdrantUrl!,
      apiKey: config.qdrantApiKey,
      bm25: search.bm25,
      fusionDepth: search.fusion.depth,
    });
  }
  return new EmbeddedVectorStore(search);
}
