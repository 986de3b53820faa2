-- Documents from creative Assets: where each document's content came from, and for an ASSET
-- document the asset and version its ingestion job fetches (checksum unknown until then).

-- CreateEnum
CREATE TYPE "knowledge"."DocumentSource" AS ENUM ('INLINE', 'URI', 'ASSET');

-- AlterTable
ALTER TABLE "knowledge"."Document" ADD COLUMN "source" "knowledge"."DocumentSource" NOT NULL DEFAULT 'INLINE',
ADD COLUMN "sourceAssetId" UUID,
ADD COLUMN "sourceAssetVersionId" UUID,
ALTER COLUMN "checksum" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Document_tenantId_sourceAssetId_idx" ON "knowledge"."Document"("tenantId", "sourceAssetId");

-- CreateIndex
CREATE UNIQUE INDEX "Document_tenantId_sourceAssetVersionId_key" ON "knowledge"."Document"("tenantId", "sourceAssetVersionId");

UPDATE "knowledge"."Document" SET "source" = 'URI' WHERE "sourceUri" IS NOT NULL;

-- An ASSET document names its asset and version; only an ASSET document may lack a checksum.
ALTER TABLE "knowledge"."Document" ADD CONSTRAINT "Document_asset_source_check"
  CHECK (("source" = 'ASSET') = ("sourceAssetId" IS NOT NULL AND "sourceAssetVersionId" IS NOT NULL));
ALTER TABLE "knowledge"."Document" ADD CONSTRAINT "Document_checksum_known_check"
  CHECK ("checksum" IS NOT NULL OR "source" = 'ASSET');
