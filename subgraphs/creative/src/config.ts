import {
  envFlag,
  envList,
  gatewayCallerConfigFrom,
  gatewayCallerEnvShape,
  loadConfig,
  nonNegativeInt,
  positiveInt,
  serviceConfigFrom,
  serviceEnvShape,
  z,
} from "@atelier/config";

const DEFAULT_MIME_TYPES = [
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/gif",
  "image/svg+xml",
  "video/mp4",
  "video/quicktime",
  "audio/mpeg",
  "application/pdf",
  "text/plain",
  "text/markdown",
  "application/json",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];

const creativeEnvSchema = z
  .object({
    ...serviceEnvShape(4004),
    PUBLIC_URL: z.url().optional(),
    RUN_WORKER: envFlag(true),
    /** Generation jobs of each phase executed at once per worker process. */
    WORKER_CONCURRENCY: positiveInt(2),
    JOB_EXPIRE_SECONDS: positiveInt(900),
    STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
    STORAGE_DIR: z.string().default("./.data/creative-blobs"),
    STORAGE_SIGNING_SECRET: z.string().min(32, "at least 32 characters").optional(),
    SIGNED_URL_TTL_SECONDS: positiveInt(900),
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().default("us-east-1"),
    S3_BUCKET: z.string().default("atelier-creative"),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: envFlag(true),
    ASSET_QUOTA_BYTES: positiveInt(5 * 1024 ** 3),
    ASSET_MAX_BYTES: positiveInt(200 * 1024 ** 2),
    ASSET_ALLOWED_MIME_TYPES: envList,
    GENERATION_SAMPLE_COST: nonNegativeInt(4),
    GENERATION_FINAL_COST: nonNegativeInt(10),
    GENERATION_SAMPLE_COUNT: z.coerce.number().int().min(1).max(8).default(4),
    GENERATION_HTTP_URL: z.url().optional(),
    GENERATION_HTTP_TOKEN: z.string().optional(),
    GENERATION_HTTP_TIMEOUT_MS: positiveInt(120_000),
    CONTENT_DENYLIST: envList,
    /** handAssetToKnowledge calls knowledge through the gateway as the caller (DELEGATION_PRIVATE_KEY). */
    ...gatewayCallerEnvShape,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.STORAGE_DRIVER === "local" && !env.STORAGE_SIGNING_SECRET) {
      ctx.addIssue({ code: "custom", path: ["STORAGE_SIGNING_SECRET"], message: "required when NODE_ENV=production" });
    }
    if (env.STORAGE_DRIVER === "s3" && !env.S3_ENDPOINT) {
      ctx.addIssue({ code: "custom", path: ["S3_ENDPOINT"], message: "required when STORAGE_DRIVER=s3" });
    }
  });

export function loadCreativeConfig(env: Record<string, string | undefined>) {
  const p = loadConfig("creative", creativeEnvSchema, env);
  return {
    ...serviceConfigFrom(p),
    publicUrl: p.PUBLIC_URL?.replace(/\/$/, "") ?? null,
    runWorker: p.RUN_WORKER,
    jobExpireSeconds: p.JOB_EXPIRE_SECONDS,
    workerConcurrency: p.WORKER_CONCURRENCY,
    storage: {
      driver: p.STORAGE_DRIVER,
      dir: p.STORAGE_DIR,
      signingSecret: p.STORAGE_SIGNING_SECRET ?? null,
      signedUrlTtlSeconds: p.SIGNED_URL_TTL_SECONDS,
      s3: {
        endpoint: p.S3_ENDPOINT ?? null,
        region: p.S3_REGION,
        bucket: p.S3_BUCKET,
        accessKeyId: p.S3_ACCESS_KEY_ID ?? null,
        secretAccessKey: p.S3_SECRET_ACCESS_KEY ?? null,
        forcePathStyle: p.S3_FORCE_PATH_STYLE,
      },
    },
    assets: {
      quotaBytes: p.ASSET_QUOTA_BYTES,
      maxBytes: p.ASSET_MAX_BYTES,
      allowedMimeTypes: p.ASSET_ALLOWED_MIME_TYPES.length ? p.ASSET_ALLOWED_MIME_TYPES : DEFAULT_MIME_TYPES,
    },
    gateway: gatewayCallerConfigFrom(p),
    generation: {
      sampleCost: p.GENERATION_SAMPLE_COST,
      finalCost: p.GENERATION_FINAL_COST,
      sampleCount: p.GENERATION_SAMPLE_COUNT,
      httpUrl: p.GENERATION_HTTP_URL ?? null,
      httpToken: p.GENERATION_HTTP_TOKEN ?? null,
      httpTimeoutMs: p.GENERATION_HTTP_TIMEOUT_MS,
      contentDenylist: p.CONTENT_DENYLIST,
    },
  };
}

export type CreativeConfig = ReturnType<typeof loadCreativeConfig>;
