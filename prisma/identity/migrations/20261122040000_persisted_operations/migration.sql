-- CreateEnum
CREATE TYPE "identity"."PersistedOperationVersionStatus" AS ENUM ('ACTIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "identity"."PersistedOperationType" AS ENUM ('QUERY', 'MUTATION', 'SUBSCRIPTION');

-- CreateTable
CREATE TABLE "identity"."persisted_operation_apps" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "persisted_operation_apps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."persisted_operation_versions" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "appId" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "status" "identity"."PersistedOperationVersionStatus" NOT NULL DEFAULT 'ACTIVE',
    "operationCount" INTEGER NOT NULL,
    "publishedById" UUID,
    "publishedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "persisted_operation_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."persisted_operations" (
    "versionId" UUID NOT NULL,
    "id" TEXT NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT,
    "type" "identity"."PersistedOperationType" NOT NULL,
    "document" TEXT NOT NULL,

    CONSTRAINT "persisted_operations_pkey" PRIMARY KEY ("versionId","id")
);

-- CreateTable
CREATE TABLE "identity"."persisted_operation_usage" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "apiClientId" UUID NOT NULL,
    "operationKey" TEXT NOT NULL,
    "operationId" TEXT,
    "operationName" TEXT,
    "windowStart" TIMESTAMPTZ(6) NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "totalLatencyMs" BIGINT NOT NULL DEFAULT 0,
    "maxLatencyMs" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "persisted_operation_usage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "persisted_operation_apps_tenantId_createdAt_id_idx" ON "identity"."persisted_operation_apps"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "persisted_operation_apps_tenantId_name_key" ON "identity"."persisted_operation_apps"("tenantId", "name");

-- CreateIndex
CREATE INDEX "persisted_operation_versions_tenantId_appId_createdAt_id_idx" ON "identity"."persisted_operation_versions"("tenantId", "appId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "persisted_operation_versions_appId_version_key" ON "identity"."persisted_operation_versions"("appId", "version");

-- CreateIndex
CREATE INDEX "persisted_operations_tenantId_id_idx" ON "identity"."persisted_operations"("tenantId", "id");

-- CreateIndex
CREATE INDEX "persisted_operation_usage_tenantId_apiClientId_windowStart_idx" ON "identity"."persisted_operation_usage"("tenantId", "apiClientId", "windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "persisted_operation_usage_apiClientId_operationKey_windowSt_key" ON "identity"."persisted_operation_usage"("apiClientId", "operationKey", "windowStart");

-- AddForeignKey
ALTER TABLE "identity"."persisted_operation_apps" ADD CONSTRAINT "persisted_operation_apps_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "identity"."tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."persisted_operation_versions" ADD CONSTRAINT "persisted_operation_versions_appId_fkey" FOREIGN KEY ("appId") REFERENCES "identity"."persisted_operation_apps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."persisted_operations" ADD CONSTRAINT "persisted_operations_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "identity"."persisted_operation_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Access for the tenant-bound application role, and tenant isolation on every new table.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "identity" TO atelier_app;

ALTER TABLE "identity"."persisted_operation_apps" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "identity"."persisted_operation_apps"
  USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "identity"."persisted_operation_versions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "identity"."persisted_operation_versions"
  USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "identity"."persisted_operations" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "identity"."persisted_operations"
  USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "identity"."persisted_operation_usage" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "identity"."persisted_operation_usage"
  USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- An operation's id is the SHA-256 of its document or a Codegen hash; a version's label is short.
ALTER TABLE "identity"."persisted_operations" ADD CONSTRAINT persisted_operations_id_length CHECK (char_length("id") BETWEEN 1 AND 128);
ALTER TABLE "identity"."persisted_operation_versions" ADD CONSTRAINT persisted_operation_versions_counts CHECK ("operationCount" >= 0);
ALTER TABLE "identity"."persisted_operation_usage" ADD CONSTRAINT persisted_operation_usage_counts CHECK (calls >= 0 AND errors >= 0 AND errors <= calls);
