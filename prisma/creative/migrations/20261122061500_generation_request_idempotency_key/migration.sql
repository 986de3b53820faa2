-- A caller's idempotency key for a generation request (e.g. a workflow step's): a repeat of
-- createGenerationRequest with the same key returns the request instead of debiting again.

-- AlterTable
ALTER TABLE "creative"."generation_requests" ADD COLUMN "idempotencyKey" VARCHAR(200);

-- CreateIndex
CREATE UNIQUE INDEX "generation_requests_tenantId_idempotencyKey_key" ON "creative"."generation_requests"("tenantId", "idempotencyKey");
