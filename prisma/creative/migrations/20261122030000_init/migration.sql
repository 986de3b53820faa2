-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "creative";

-- CreateEnum
CREATE TYPE "creative"."WorkspaceLinkKind" AS ENUM ('DRIVE_FOLDER', 'MODEL_REPOSITORY', 'OTHER');

-- CreateEnum
CREATE TYPE "creative"."ProjectStatus" AS ENUM ('DRAFT', 'REQUESTED', 'IN_PRODUCTION', 'IN_REVIEW', 'DELIVERED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "creative"."AssetType" AS ENUM ('UPLOADED', 'AI_GENERATED', 'DERIVED');

-- CreateEnum
CREATE TYPE "creative"."AccessLevel" AS ENUM ('PRIVATE', 'WORKSPACE', 'TENANT');

-- CreateEnum
CREATE TYPE "creative"."AssetVersionStatus" AS ENUM ('PENDING_UPLOAD', 'READY');

-- CreateEnum
CREATE TYPE "creative"."GenerationStatus" AS ENUM ('PENDING', 'PROCESSING_SAMPLES', 'AWAITING_SELECTION', 'PROCESSING_FINAL', 'COMPLETED', 'FAILED', 'CANCELLED', 'CONTENT_REJECTED');

-- CreateEnum
CREATE TYPE "creative"."GenerationPhase" AS ENUM ('SAMPLES', 'FINAL');

-- CreateEnum
CREATE TYPE "creative"."CreditKind" AS ENUM ('GRANT', 'PURCHASE', 'SAMPLE_DEBIT', 'FINAL_DEBIT', 'REFUND');

-- CreateEnum
CREATE TYPE "creative"."AiTaskType" AS ENUM ('IMAGE_GENERATION', 'TEXT_GENERATION', 'IMAGE_TRANSFORMATION', 'STYLE_TRANSFER', 'CONTENT_SAFETY');

-- CreateEnum
CREATE TYPE "creative"."AiModelVersionStatus" AS ENUM ('STAGED', 'PRODUCTION', 'DEPRECATED', 'ARCHIVED', 'FAILED');

-- CreateEnum
CREATE TYPE "creative"."ValidationStatus" AS ENUM ('PASSED', 'FAILED', 'PENDING', 'SKIPPED');

-- CreateEnum
CREATE TYPE "creative"."DeploymentEnvironment" AS ENUM ('STAGING', 'PRODUCTION', 'TESTING');

-- CreateEnum
CREATE TYPE "creative"."DeploymentStatus" AS ENUM ('INITIATED', 'DEPLOYING', 'ACTIVE', 'INACTIVE', 'FAILED', 'ROLLED_BACK');

-- CreateTable
CREATE TABLE "creative"."workspaces" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "businessArea" VARCHAR(100),
    "description" TEXT,
    "defaultBrandKitId" UUID,
    "requestAgentPrompt" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."workspace_links" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "kind" "creative"."WorkspaceLinkKind" NOT NULL,
    "url" VARCHAR(2048),
    "label" VARCHAR(100),
    "required" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."projects" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "brief" TEXT,
    "targetPlatform" VARCHAR(50),
    "templateId" UUID,
    "brandKitId" UUID,
    "status" "creative"."ProjectStatus" NOT NULL DEFAULT 'DRAFT',
    "requestedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestedById" UUID,
    "createdById" UUID,
    "trackingUrl" VARCHAR(2048),
    "briefUrl" VARCHAR(2048),
    "reviewUrl" VARCHAR(2048),
    "designReviewUrl" VARCHAR(2048),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "deletedAt" TIMESTAMPTZ(6),

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."assets" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "projectId" UUID,
    "generationRequestId" UUID,
    "name" VARCHAR(255) NOT NULL,
    "type" "creative"."AssetType" NOT NULL,
    "accessLevel" "creative"."AccessLevel" NOT NULL DEFAULT 'WORKSPACE',
    "mimeType" VARCHAR(127) NOT NULL,
    "resolution" VARCHAR(20),
    "isFinal" BOOLEAN NOT NULL DEFAULT false,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "knowledgeHandoffAt" TIMESTAMPTZ(6),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "deletedAt" TIMESTAMPTZ(6),

    CONSTRAINT "assets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."asset_versions" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "assetId" UUID NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "storageKey" VARCHAR(512) NOT NULL,
    "mimeType" VARCHAR(127) NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "status" "creative"."AssetVersionStatus" NOT NULL DEFAULT 'PENDING_UPLOAD',
    "stateData" JSONB,
    "description" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "asset_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."brand_kits" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "colors" JSONB NOT NULL DEFAULT '[]',
    "fonts" JSONB NOT NULL DEFAULT '[]',
    "logos" JSONB NOT NULL DEFAULT '[]',
    "stylePreferences" JSONB NOT NULL DEFAULT '{}',
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "brand_kits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."templates" (
    "id" UUID NOT NULL,
    "tenantId" UUID,
    "name" VARCHAR(150) NOT NULL,
    "description" TEXT,
    "category" VARCHAR(50) NOT NULL,
    "previewUrl" VARCHAR(2048),
    "sourceData" JSONB NOT NULL DEFAULT '{}',
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."generation_requests" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "projectId" UUID,
    "brandKitId" UUID,
    "requestedById" UUID,
    "prompt" TEXT NOT NULL,
    "styleGuidance" TEXT,
    "parameters" JSONB NOT NULL DEFAULT '{}',
    "seed" INTEGER NOT NULL,
    "sampleCount" INTEGER NOT NULL,
    "status" "creative"."GenerationStatus" NOT NULL DEFAULT 'PENDING',
    "errorMessage" TEXT,
    "selectedSampleId" UUID,
    "finalAssetId" UUID,
    "creditsCostSample" INTEGER NOT NULL,
    "creditsCostFinal" INTEGER NOT NULL,
    "modelVersionId" UUID,
    "aiModelUsed" VARCHAR(200),
    "processingTimeMs" INTEGER,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "generation_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."credit_transactions" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "kind" "creative"."CreditKind" NOT NULL,
    "amount" INTEGER NOT NULL,
    "generationRequestId" UUID,
    "phase" "creative"."GenerationPhase",
    "actorId" UUID,
    "description" VARCHAR(500),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."usage_logs" (
    "id" BIGSERIAL NOT NULL,
    "tenantId" UUID NOT NULL,
    "actorId" UUID,
    "generationRequestId" UUID,
    "action" VARCHAR(100) NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "creditsCost" INTEGER,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."ai_models" (
    "id" UUID NOT NULL,
    "tenantId" UUID,
    "name" VARCHAR(100) NOT NULL,
    "description" TEXT,
    "provider" VARCHAR(50) NOT NULL,
    "taskType" "creative"."AiTaskType" NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "ai_models_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."ai_model_versions" (
    "id" UUID NOT NULL,
    "tenantId" UUID,
    "modelId" UUID NOT NULL,
    "versionNumber" VARCHAR(50) NOT NULL,
    "status" "creative"."AiModelVersionStatus" NOT NULL DEFAULT 'STAGED',
    "sourcePath" VARCHAR(1024),
    "format" VARCHAR(50),
    "parameters" JSONB NOT NULL DEFAULT '{}',
    "releaseNotes" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "ai_model_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."ai_model_validation_results" (
    "id" UUID NOT NULL,
    "tenantId" UUID,
    "modelVersionId" UUID NOT NULL,
    "securityScanStatus" "creative"."ValidationStatus" NOT NULL,
    "functionalStatus" "creative"."ValidationStatus" NOT NULL,
    "performanceBenchmark" JSONB NOT NULL DEFAULT '{}',
    "results" JSONB NOT NULL DEFAULT '{}',
    "validatedById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_model_validation_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."ai_model_deployments" (
    "id" UUID NOT NULL,
    "tenantId" UUID,
    "modelVersionId" UUID NOT NULL,
    "environment" "creative"."DeploymentEnvironment" NOT NULL,
    "status" "creative"."DeploymentStatus" NOT NULL DEFAULT 'INITIATED',
    "deploymentStrategy" VARCHAR(50),
    "endpoint" VARCHAR(2048),
    "details" JSONB NOT NULL DEFAULT '{}',
    "deployedById" UUID,
    "deployedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "ai_model_deployments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."ai_model_feedback" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "userId" UUID,
    "generationRequestId" UUID NOT NULL,
    "modelVersionId" UUID,
    "rating" INTEGER NOT NULL,
    "comment" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ai_model_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "creative"."stream_events" (
    "id" BIGSERIAL NOT NULL,
    "stream_id" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "tenant_id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "topics" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stream_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "workspaces_tenantId_createdAt_id_idx" ON "creative"."workspaces"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "workspaces_tenantId_name_key" ON "creative"."workspaces"("tenantId", "name");

-- CreateIndex
CREATE INDEX "workspace_links_tenantId_workspaceId_position_idx" ON "creative"."workspace_links"("tenantId", "workspaceId", "position");

-- CreateIndex
CREATE INDEX "projects_tenantId_workspaceId_createdAt_id_idx" ON "creative"."projects"("tenantId", "workspaceId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "projects_tenantId_status_requestedAt_id_idx" ON "creative"."projects"("tenantId", "status", "requestedAt", "id");

-- CreateIndex
CREATE INDEX "assets_tenantId_workspaceId_createdAt_id_idx" ON "creative"."assets"("tenantId", "workspaceId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "assets_tenantId_projectId_createdAt_id_idx" ON "creative"."assets"("tenantId", "projectId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "assets_tenantId_generationRequestId_idx" ON "creative"."assets"("tenantId", "generationRequestId");

-- CreateIndex
CREATE INDEX "asset_versions_tenantId_assetId_versionNumber_idx" ON "creative"."asset_versions"("tenantId", "assetId", "versionNumber");

-- CreateIndex
CREATE UNIQUE INDEX "asset_versions_assetId_versionNumber_key" ON "creative"."asset_versions"("assetId", "versionNumber");

-- CreateIndex
CREATE INDEX "brand_kits_tenantId_createdAt_id_idx" ON "creative"."brand_kits"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "templates_tenantId_category_idx" ON "creative"."templates"("tenantId", "category");

-- CreateIndex
CREATE INDEX "templates_category_createdAt_id_idx" ON "creative"."templates"("category", "createdAt", "id");

-- CreateIndex
CREATE INDEX "generation_requests_tenantId_workspaceId_createdAt_id_idx" ON "creative"."generation_requests"("tenantId", "workspaceId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "generation_requests_tenantId_status_createdAt_idx" ON "creative"."generation_requests"("tenantId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "credit_transactions_tenantId_createdAt_id_idx" ON "creative"."credit_transactions"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "credit_transactions_generationRequestId_phase_kind_key" ON "creative"."credit_transactions"("generationRequestId", "phase", "kind");

-- CreateIndex
CREATE INDEX "usage_logs_tenantId_id_idx" ON "creative"."usage_logs"("tenantId", "id");

-- CreateIndex
CREATE INDEX "ai_models_tenantId_createdAt_id_idx" ON "creative"."ai_models"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "ai_model_versions_tenantId_modelId_idx" ON "creative"."ai_model_versions"("tenantId", "modelId");

-- CreateIndex
CREATE UNIQUE INDEX "ai_model_versions_modelId_versionNumber_key" ON "creative"."ai_model_versions"("modelId", "versionNumber");

-- CreateIndex
CREATE INDEX "ai_model_validation_results_tenantId_modelVersionId_created_idx" ON "creative"."ai_model_validation_results"("tenantId", "modelVersionId", "createdAt");

-- CreateIndex
CREATE INDEX "ai_model_deployments_tenantId_modelVersionId_createdAt_idx" ON "creative"."ai_model_deployments"("tenantId", "modelVersionId", "createdAt");

-- CreateIndex
CREATE INDEX "ai_model_feedback_tenantId_generationRequestId_idx" ON "creative"."ai_model_feedback"("tenantId", "generationRequestId");

-- CreateIndex
CREATE INDEX "ai_model_feedback_tenantId_modelVersionId_createdAt_idx" ON "creative"."ai_model_feedback"("tenantId", "modelVersionId", "createdAt");

-- CreateIndex
CREATE INDEX "stream_events_tenant_id_id_idx" ON "creative"."stream_events"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "stream_events_stream_id_sequence_key" ON "creative"."stream_events"("stream_id", "sequence");

-- AddForeignKey
ALTER TABLE "creative"."workspace_links" ADD CONSTRAINT "workspace_links_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "creative"."workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creative"."projects" ADD CONSTRAINT "projects_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "creative"."workspaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creative"."asset_versions" ADD CONSTRAINT "asset_versions_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "creative"."assets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "creative"."ai_model_versions" ADD CONSTRAINT "ai_model_versions_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "creative"."ai_models"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Integrity rules Prisma cannot express
ALTER TABLE "creative"."asset_versions" ADD CONSTRAINT asset_versions_number_positive CHECK ("versionNumber" >= 1);
ALTER TABLE "creative"."asset_versions" ADD CONSTRAINT asset_versions_size_nonnegative CHECK ("sizeBytes" >= 0);
ALTER TABLE "creative"."ai_model_feedback" ADD CONSTRAINT ai_model_feedback_rating_range CHECK ("rating" BETWEEN 1 AND 5);
ALTER TABLE "creative"."generation_requests" ADD CONSTRAINT generation_requests_costs_nonnegative
  CHECK ("creditsCostSample" >= 0 AND "creditsCostFinal" >= 0 AND "sampleCount" BETWEEN 1 AND 8);
-- Credits in, credits out: the sign follows the kind; debits and refunds name their request and phase.
ALTER TABLE "creative"."credit_transactions" ADD CONSTRAINT credit_transactions_sign CHECK (
  (kind IN ('GRANT', 'PURCHASE') AND amount > 0 AND "generationRequestId" IS NULL)
  OR (kind IN ('SAMPLE_DEBIT', 'FINAL_DEBIT') AND amount < 0 AND "generationRequestId" IS NOT NULL AND phase IS NOT NULL)
  OR (kind = 'REFUND' AND amount > 0 AND "generationRequestId" IS NOT NULL AND phase IS NOT NULL));
-- One default brand kit per owner.
CREATE UNIQUE INDEX brand_kits_one_default_per_owner ON "creative"."brand_kits" ("tenantId", "ownerId") WHERE "isDefault";
-- One PRODUCTION version per model.
CREATE UNIQUE INDEX ai_model_versions_one_production ON "creative"."ai_model_versions" ("modelId") WHERE status = 'PRODUCTION';
-- Model names unique per owner (system models: unique among system models).
CREATE UNIQUE INDEX ai_models_name_per_tenant ON "creative"."ai_models" (COALESCE("tenantId", '00000000-0000-0000-0000-000000000000'::uuid), name);
CREATE INDEX templates_tags ON "creative"."templates" USING GIN (tags);
CREATE INDEX stream_events_topics ON "creative"."stream_events" USING GIN (topics);
CREATE INDEX projects_live_queue ON "creative"."projects" ("tenantId", status, "requestedAt", id) WHERE "deletedAt" IS NULL;

-- The application role
GRANT USAGE ON SCHEMA "creative" TO atelier_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "creative" TO atelier_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "creative" TO atelier_app;

-- Row-level security: the second wall behind every query's tenant filter
ALTER TABLE "creative"."workspaces" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creative"."workspaces" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."workspace_links" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creative"."workspace_links" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."projects" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creative"."projects" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."assets" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creative"."assets" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."asset_versions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creative"."asset_versions" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."brand_kits" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creative"."brand_kits" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."generation_requests" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creative"."generation_requests" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."credit_transactions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creative"."credit_transactions" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."usage_logs" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creative"."usage_logs" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."ai_model_feedback" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creative"."ai_model_feedback" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."stream_events" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "creative"."stream_events" USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
-- System rows (NULL tenant) are readable by every tenant and writable by none.
ALTER TABLE "creative"."templates" ENABLE ROW LEVEL SECURITY;
CREATE POLICY system_read ON "creative"."templates" FOR SELECT USING ("tenantId" IS NULL);
CREATE POLICY tenant_isolation ON "creative"."templates" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."ai_models" ENABLE ROW LEVEL SECURITY;
CREATE POLICY system_read ON "creative"."ai_models" FOR SELECT USING ("tenantId" IS NULL);
CREATE POLICY tenant_isolation ON "creative"."ai_models" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."ai_model_versions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY system_read ON "creative"."ai_model_versions" FOR SELECT USING ("tenantId" IS NULL);
CREATE POLICY tenant_isolation ON "creative"."ai_model_versions" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."ai_model_validation_results" ENABLE ROW LEVEL SECURITY;
CREATE POLICY system_read ON "creative"."ai_model_validation_results" FOR SELECT USING ("tenantId" IS NULL);
CREATE POLICY tenant_isolation ON "creative"."ai_model_validation_results" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "creative"."ai_model_deployments" ENABLE ROW LEVEL SECURITY;
CREATE POLICY system_read ON "creative"."ai_model_deployments" FOR SELECT USING ("tenantId" IS NULL);
CREATE POLICY tenant_isolation ON "creative"."ai_model_deployments" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- System templates
INSERT INTO "creative"."templates" (id, "tenantId", name, description, category, tags, "sourceData", "updatedAt") VALUES
  ('7e1a0000-0000-4000-8000-000000000001', NULL, 'Instagram square post', 'A 1080x1080 feed post with headline and logo.', 'SOCIAL_POST', ARRAY['instagram','square','feed'], '{"width":1080,"height":1080}', now()),
  ('7e1a0000-0000-4000-8000-000000000002', NULL, 'Instagram story', 'A 1080x1920 vertical story with call to action.', 'SOCIAL_STORY', ARRAY['instagram','story','vertical'], '{"width":1080,"height":1920}', now()),
  ('7e1a0000-0000-4000-8000-000000000003', NULL, 'LinkedIn banner', 'A 1584x396 company page banner.', 'BANNER', ARRAY['linkedin','banner','wide'], '{"width":1584,"height":396}', now()),
  ('7e1a0000-0000-4000-8000-000000000004', NULL, 'Product hero image', 'A 1920x1080 product shot on a brand background.', 'PRODUCT', ARRAY['product','hero','wide'], '{"width":1920,"height":1080}', now()),
  ('7e1a0000-0000-4000-8000-000000000005', NULL, 'TikTok cover', 'A 1080x1920 cover frame for short video.', 'SOCIAL_STORY', ARRAY['tiktok','vertical','video'], '{"width":1080,"height":1920}', now());

-- The built-in image model that the default generation provider runs
INSERT INTO "creative"."ai_models" (id, "tenantId", name, description, provider, "taskType", "updatedAt") VALUES
  ('a1000000-0000-4000-8000-000000000001', NULL, 'atelier-builtin-image', 'Deterministic procedural images from prompt, seed and brand palette; needs no download.', 'builtin', 'IMAGE_GENERATION', now());
INSERT INTO "creative"."ai_model_versions" (id, "tenantId", "modelId", "versionNumber", status, format, "releaseNotes", "updatedAt") VALUES
  ('a1000000-0000-4000-8000-000000000101', NULL, 'a1000000-0000-4000-8000-000000000001', '1.0.0', 'PRODUCTION', 'png', 'First release.', now());
