-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "knowledge";

-- CreateEnum
CREATE TYPE "knowledge"."DocumentStatus" AS ENUM ('PENDING', 'PROCESSING', 'READY', 'FAILED');

-- CreateTable
CREATE TABLE "knowledge"."Document" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sourceUri" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "checksum" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "status" "knowledge"."DocumentStatus" NOT NULL DEFAULT 'PENDING',
    "error" TEXT,
    "embeddingModel" TEXT NOT NULL,
    "chunkCount" INTEGER NOT NULL DEFAULT 0,
    "chunksEmbedded" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,
    "readyAt" TIMESTAMPTZ(6),

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "knowledge"."SemanticChunk" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "tokenCount" INTEGER NOT NULL,
    "embeddingModel" TEXT NOT NULL,
    "vector" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SemanticChunk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "knowledge"."stream_events" (
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
CREATE INDEX "Document_tenantId_workspaceId_createdAt_id_idx" ON "knowledge"."Document"("tenantId", "workspaceId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Document_tenantId_status_idx" ON "knowledge"."Document"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Document_tenantId_workspaceId_checksum_key" ON "knowledge"."Document"("tenantId", "workspaceId", "checksum");

-- CreateIndex
CREATE INDEX "SemanticChunk_tenantId_embeddingModel_idx" ON "knowledge"."SemanticChunk"("tenantId", "embeddingModel");

-- CreateIndex
CREATE UNIQUE INDEX "SemanticChunk_documentId_index_key" ON "knowledge"."SemanticChunk"("documentId", "index");

-- CreateIndex
CREATE INDEX "stream_events_tenant_id_id_idx" ON "knowledge"."stream_events"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "stream_events_stream_id_sequence_key" ON "knowledge"."stream_events"("stream_id", "sequence");

-- AddForeignKey
ALTER TABLE "knowledge"."SemanticChunk" ADD CONSTRAINT "SemanticChunk_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "knowledge"."Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text index for KEYWORD search (Prisma cannot express generated columns).
ALTER TABLE "knowledge"."SemanticChunk"
  ADD COLUMN "tsv" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED;
CREATE INDEX "SemanticChunk_tsv_idx" ON "knowledge"."SemanticChunk" USING GIN ("tsv");
CREATE INDEX "Document_metadata_idx" ON "knowledge"."Document" USING GIN ("metadata" jsonb_path_ops);

ALTER TABLE "knowledge"."Document" ADD CONSTRAINT "Document_progress_check"
  CHECK ("chunksEmbedded" >= 0 AND "chunkCount" >= 0 AND "chunksEmbedded" <= "chunkCount");
ALTER TABLE "knowledge"."Document" ADD CONSTRAINT "Document_checksum_check" CHECK ("checksum" ~ '^[0-9a-f]{64}$');

GRANT USAGE ON SCHEMA "knowledge" TO atelier_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "knowledge" TO atelier_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "knowledge" TO atelier_app;

ALTER TABLE "knowledge"."Document" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "knowledge"."Document" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "knowledge"."SemanticChunk" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "knowledge"."SemanticChunk" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "knowledge"."stream_events" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "knowledge"."stream_events" USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
