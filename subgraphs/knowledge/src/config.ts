import {
  envFlag,
  gatewayCallerConfigFrom,
  gatewayCallerEnvShape,
  loadConfig,
  nonNegativeInt,
  positiveInt,
  serviceConfigFrom,
  serviceEnvShape,
  z,
} from "@atelier/config";
import { allowedHostsEnv, parseHostPattern } from "@atelier/outbound-fetch";

const knowledgeEnvSchema = z
  .object({
    ...serviceEnvShape(4002),
    RUN_WORKER: envFlag(true),
    WORKER_CONCURRENCY: positiveInt(4),
    JOB_EXPIRE_SECONDS: positiveInt(900),
    EMBEDDING_PROVIDER: z.enum(["builtin", "openai"]).default("builtin"),
    EMBEDDING_BASE_URL: z.url().optional(),
    EMBEDDING_MODEL: z.string().optional(),
    EMBEDDING_DIMENSIONS: positiveInt(1024),
    EMBEDDING_API_KEY: z.string().optional(),
    EMBEDDING_BATCH_SIZE: positiveInt(64),
    EMBEDDING_TIMEOUT_MS: positiveInt(30_000),
    EMBEDDING_MAX_RETRIES: nonNegativeInt(4),
    INGEST_BATCH_CHUNKS: positiveInt(256),
    INGEST_RETRY_LIMIT: nonNegativeInt(3),
    INGEST_RETRY_DELAY_SECONDS: positiveInt(5),
    VECTOR_STORE: z.enum(["embedded", "qdrant"]).default("embedded"),
    QDRANT_URL: z.url().optional(),
    QDRANT_API_KEY: z.string().optional(),
    QDRANT_HNSW_M: nonNegativeInt(16),
    QDRANT_HNSW_EF_CONSTRUCT: positiveInt(100),
    SEARCH_BM25_K1: z.coerce.number().positive().default(1.2),
    SEARCH_BM25_B: z.coerce.number().min(0).max(1).default(0.75),
    SEARCH_TITLE_WEIGHT: z.coerce.number().min(0).default(1),
    SEARCH_HYBRID_KEYWORD_WEIGHT: z.coerce.number().min(0).max(1).default(0.65),
    SEARCH_FUSION_DEPTH: positiveInt(100),
    SEARCH_FUSION_NORMALIZATION: z.enum(["minmax", "zscore"]).default("minmax"),
    CHUNK_SIZE_TOKENS: positiveInt(400),
    CHUNK_OVERLAP_TOKENS: nonNegativeInt(60),
    MAX_DOCUMENT_BYTES: positiveInt(20 * 1024 * 1024),
    URI_FETCH_MAX_BYTES: positiveInt(10 * 1024 * 1024),
    URI_FETCH_TIMEOUT_MS: positiveInt(10_000),
    URI_FETCH_ALLOW_PRIVATE: envFlag(false),
    URI_FETCH_ALLOWED_HOSTS: allowedHostsEnv,
    /** Documents from creative Assets: read through the gateway as the caller (DELEGATION_PRIVATE_KEY). */
    ...gatewayCallerEnvShape,
    ASSET_FETCH_TIMEOUT_MS: positiveInt(30_000),
    ASSET_FETCH_ALLOWED_HOSTS: allowedHostsEnv,
  })
  .superRefine((env, ctx) => {
    if (env.EMBEDDING_PROVIDER === "openai") {
      for (const key of ["EMBEDDING_BASE_URL", "EMBEDDING_MODEL"] as const) {
        if (!env[key])
          ctx.addIssue({ code: "custom", path: [key], message: "required when EMBEDDING_PROVIDER=openai" });
      }
    }
    if (env.VECTOR_STORE === "qdrant" && !env.QDRANT_URL) {
      ctx.addIssue({ code: "custom", path: ["QDRANT_URL"], message: "required when VECTOR_STORE=qdrant" });
    }
    if (env.CHUNK_OVERLAP_TOKENS >= env.CHUNK_SIZE_TOKENS) {
      ctx.addIssue({
        code: "custom",
        path: ["CHUNK_OVERLAP_TOKENS"],
        message: "must be smaller than CHUNK_SIZE_TOKENS",
      });
    }
  });

export function loadKnowledgeConfig(env: Record<string, string | undefined>) {
  const p = loadConfig("knowledge", knowledgeEnvSchema, env);
  return {
    ...serviceConfigFrom(p),
    runWorker: p.RUN_WORKER,
    workerConcurrency: p.WORKER_CONCURRENCY,
    /** Ingestion jobs a worker slot takes from the queue at once (small documents are quick: fewer polls). */
    jobExpireSeconds: p.JOB_EXPIRE_SECONDS,
    embedding: {
      provider: p.EMBEDDING_PROVIDER,
      baseUrl: p.EMBEDDING_BASE_URL ?? null,
      model: p.EMBEDDING_MODEL ?? null,
      dimensions: p.EMBEDDING_DIMENSIONS,
      apiKey: p.EMBEDDING_API_KEY ?? null,
      batchSize: p.EMBEDDING_BATCH_SIZE,
      timeoutMs: p.EMBEDDING_TIMEOUT_MS,
      maxRetries: p.EMBEDDING_MAX_RETRIES,
    },
    vectorStore: {
      kind: p.VECTOR_STORE,
      qdrantUrl: p.QDRANT_URL ?? null,
      qdrantApiKey: p.QDRANT_API_KEY ?? null,
      hnsw: { m: p.QDRANT_HNSW_M, efConstruct: p.QDRANT_HNSW_EF_CONSTRUCT },
    },
    search: {
      bm25: { k1: p.SEARCH_BM25_K1, b: p.SEARCH_BM25_B, titleWeight: p.SEARCH_TITLE_WEIGHT, titleB: p.SEARCH_BM25_B },
      fusion: {
        keywordWeight: p.SEARCH_HYBRID_KEYWORD_WEIGHT,
        depth: p.SEARCH_FUSION_DEPTH,
        normalization: p.SEARCH_FUSION_NORMALIZATION,
      },
    },
    chunking: { size: p.CHUNK_SIZE_TOKENS, overlap: p.CHUNK_OVERLAP_TOKENS },
    /** Chunks embedded and written per transaction (and per progress event); the unit of resumption. */
    ingestBatchChunks: p.INGEST_BATCH_CHUNKS,
    /** Job retries after a transient failure (exponential backoff from the delay); then the document is FAILED. */
    ingestRetry: { limit: p.INGEST_RETRY_LIMIT, delaySeconds: p.INGEST_RETRY_DELAY_SECONDS },
    maxDocumentBytes: p.MAX_DOCUMENT_BYTES,
    uriFetch: {
      maxBytes: p.URI_FETCH_MAX_BYTES,
      timeoutMs: p.URI_FETCH_TIMEOUT_MS,
      /** URI_FETCH_ALLOW_PRIVATE allows every host; else only the listed ones may be non-public. */
      allowedHosts: p.URI_FETCH_ALLOW_PRIVATE ? [parseHostPattern("*")] : p.URI_FETCH_ALLOWED_HOSTS,
    },
    gateway: gatewayCallerConfigFrom(p),
    /** An asset's bytes are fetched within MAX_DOCUMENT_BYTES and this time. */
    assetFetchTimeoutMs: p.ASSET_FETCH_TIMEOUT_MS,
    /** Hosts asset downloads may reach at non-public addresses (creative's storage on loopback in dev and e2e). */
    assetFetchAllowedHosts: p.ASSET_FETCH_ALLOWED_HOSTS,
  };
}

export type KnowledgeConfig = ReturnType<typeof loadKnowledgeConfig>;
