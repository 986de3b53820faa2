-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "audit";

-- CreateTable
CREATE TABLE "audit"."audit_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "tenant_id" UUID,
    "actor_type" TEXT NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_events_tenant_feed_idx" ON "audit"."audit_events"("tenant_id", "created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "audit_events_actor_idx" ON "audit"."audit_events"("tenant_id", "actor_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_events_resource_idx" ON "audit"."audit_events"("tenant_id", "resource_type", "resource_id", "created_at" DESC);


-- The role that tenant-scoped transactions switch to (SET LOCAL ROLE), so that row-level
-- security binds even when services connect as the owner. Roles are cluster-wide, hence
-- the guard.
DO $$
BEGIN
  CREATE ROLE atelier_app NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

GRANT USAGE ON SCHEMA "audit" TO atelier_app;
GRANT SELECT, INSERT ON "audit"."audit_events" TO atelier_app;

ALTER TABLE "audit"."audit_events" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "audit"."audit_events"
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- Append-only: history is never rewritten, whoever connects.
CREATE FUNCTION "audit".refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only';
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit"."audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit".refuse_change();
