import type { KnowledgeConfig } from "../config";
import type { Embedder } from "../embedding/embedder";
import { HashingEmbedder } from "../embedding/hashing-embedder";
import { OpenAICompatibleEmbedder } from "../embedding/openai-compatible-embedder";

export function createEmbedder(config: KnowledgeConfig["embedding"]): Embedder {
  if (config.provider === "builtin") return new HashingEmbedder(config.dimensions);
  return new OpenAICompatibleEmbedder({
    baseUrl: config.baseUrl!,
    model: config.model!,
    dimensions: config.dimensions,
    apiKey: config.apiKey,
    batchSize: config.batchSize,
    timeoutMs: config.timeoutMs,
    maxRetries: config.maxRetries,
  });
}
