-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "workflows";

-- CreateEnum
CREATE TYPE "workflows"."BusinessArea" AS ENUM ('MARKETING', 'SALES', 'OPERATIONS', 'CUSTOMER_SUPPORT', 'FINANCE', 'HR', 'OTHER');

-- CreateEnum
CREATE TYPE "workflows"."Complexity" AS ENUM ('BEGINNER', 'INTERMEDIATE', 'ADVANCED');

-- CreateEnum
CREATE TYPE "workflows"."WorkflowStatus" AS ENUM ('ACTIVE', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "workflows"."StepType" AS ENUM ('HTTP_REQUEST', 'TRANSFORM', 'DELAY', 'APPROVAL', 'KNOWLEDGE_SEARCH', 'GENERATION_REQUEST');

-- CreateEnum
CREATE TYPE "workflows"."RunStatus" AS ENUM ('QUEUED', 'RUNNING', 'PAUSED', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "workflows"."StepRunStatus" AS ENUM ('RUNNING', 'WAITING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "workflows"."FieldType" AS ENUM ('TEXT', 'NUMBER', 'DATE', 'DROPDOWN', 'CHECKBOX');

-- CreateEnum
CREATE TYPE "workflows"."TriggerEvent" AS ENUM ('STAGE_ENTRY', 'STAGE_EXIT', 'ATTRIBUTE_CHANGE');

-- CreateEnum
CREATE TYPE "workflows"."TriggerOperator" AS ENUM ('EQUALS', 'NOT_EQUALS', 'GREATER_THAN', 'LESS_THAN', 'CONTAINS');

-- CreateTable
CREATE TABLE "workflows"."WorkflowTemplate" (
    "id" UUID NOT NULL,
    "tenantId" UUID,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "businessArea" "workflows"."BusinessArea" NOT NULL,
    "complexity" "workflows"."Complexity" NOT NULL,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "version" TEXT NOT NULL,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "externalFlowId" TEXT,
    "estimatedDurationMinutes" INTEGER,
    "inputSchema" JSONB NOT NULL,
    "outputSchema" JSONB,
    "steps" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "WorkflowTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflows"."Workflow" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "templateId" UUID,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "status" "workflows"."WorkflowStatus" NOT NULL DEFAULT 'ACTIVE',
    "inputSchema" JSONB NOT NULL,
    "outputSchema" JSONB,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "Workflow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflows"."WorkflowStep" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "workflowId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "workflows"."StepType" NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "WorkflowStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflows"."WorkflowRun" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "workflowId" UUID NOT NULL,
    "status" "workflows"."RunStatus" NOT NULL DEFAULT 'QUEUED',
    "input" JSONB NOT NULL,
    "output" JSONB,
    "error" TEXT,
    "currentStep" INTEGER NOT NULL DEFAULT 0,
    "retryCount" INTEGER NOT NULL DEFAULT 0,
    "idempotencyKey" TEXT,
    "startedById" UUID,
    "triggerCardId" UUID,
    "filesUsed" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(6),
    "finishedAt" TIMESTAMPTZ(6),
    "durationMs" INTEGER,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "WorkflowRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflows"."StepRun" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "stepId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "stepKey" TEXT NOT NULL,
    "type" "workflows"."StepType" NOT NULL,
    "status" "workflows"."StepRunStatus" NOT NULL,
    "input" JSONB,
    "output" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(6),
    "durationMs" INTEGER,

    CONSTRAINT "StepRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflows"."RunLog" (
    "id" BIGSERIAL NOT NULL,
    "tenantId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "level" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflows"."stream_events" (
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

-- CreateTable
CREATE TABLE "workflows"."KanbanBoard" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "KanbanBoard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflows"."KanbanStage" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "boardId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "KanbanStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflows"."KanbanCard" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "boardId" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "position" INTEGER NOT NULL,
    "assigneeId" UUID,
    "dueDate" TIMESTAMPTZ(6),
    "customFields" JSONB NOT NULL DEFAULT '{}',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "KanbanCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflows"."CardFieldDefinition" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "type" "workflows"."FieldType" NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "required" BOOLEAN NOT NULL DEFAULT false,
    "displayOrder" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CardFieldDefinition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "workflows"."StageTrigger" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "stageId" UUID NOT NULL,
    "workflowId" UUID NOT NULL,
    "event" "workflows"."TriggerEvent" NOT NULL,
    "fieldName" TEXT,
    "operator" "workflows"."TriggerOperator",
    "value" JSONB,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageTrigger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkflowTemplate_tenantId_createdAt_id_idx" ON "workflows"."WorkflowTemplate"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "WorkflowTemplate_businessArea_idx" ON "workflows"."WorkflowTemplate"("businessArea");

-- CreateIndex
CREATE INDEX "Workflow_tenantId_createdAt_id_idx" ON "workflows"."Workflow"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Workflow_tenantId_workspaceId_idx" ON "workflows"."Workflow"("tenantId", "workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "Workflow_tenantId_workspaceId_name_key" ON "workflows"."Workflow"("tenantId", "workspaceId", "name");

-- CreateIndex
CREATE INDEX "WorkflowStep_tenantId_idx" ON "workflows"."WorkflowStep"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowStep_workflowId_position_key" ON "workflows"."WorkflowStep"("workflowId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowStep_workflowId_key_key" ON "workflows"."WorkflowStep"("workflowId", "key");

-- CreateIndex
CREATE INDEX "WorkflowRun_tenantId_createdAt_id_idx" ON "workflows"."WorkflowRun"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "WorkflowRun_tenantId_workspaceId_createdAt_id_idx" ON "workflows"."WorkflowRun"("tenantId", "workspaceId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "WorkflowRun_tenantId_workflowId_createdAt_id_idx" ON "workflows"."WorkflowRun"("tenantId", "workflowId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowRun_tenantId_idempotencyKey_key" ON "workflows"."WorkflowRun"("tenantId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "StepRun_tenantId_idx" ON "workflows"."StepRun"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "StepRun_runId_position_key" ON "workflows"."StepRun"("runId", "position");

-- CreateIndex
CREATE INDEX "RunLog_runId_id_idx" ON "workflows"."RunLog"("runId", "id");

-- CreateIndex
CREATE INDEX "RunLog_tenantId_idx" ON "workflows"."RunLog"("tenantId");

-- CreateIndex
CREATE INDEX "stream_events_tenant_id_id_idx" ON "workflows"."stream_events"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "stream_events_stream_id_sequence_key" ON "workflows"."stream_events"("stream_id", "sequence");

-- CreateIndex
CREATE INDEX "KanbanBoard_tenantId_createdAt_id_idx" ON "workflows"."KanbanBoard"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "KanbanBoard_tenantId_workspaceId_name_key" ON "workflows"."KanbanBoard"("tenantId", "workspaceId", "name");

-- CreateIndex
CREATE INDEX "KanbanStage_tenantId_idx" ON "workflows"."KanbanStage"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "KanbanStage_boardId_position_key" ON "workflows"."KanbanStage"("boardId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "KanbanStage_boardId_name_key" ON "workflows"."KanbanStage"("boardId", "name");

-- CreateIndex
CREATE INDEX "KanbanCard_tenantId_boardId_stageId_position_idx" ON "workflows"."KanbanCard"("tenantId", "boardId", "stageId", "position");

-- CreateIndex
CREATE INDEX "KanbanCard_stageId_idx" ON "workflows"."KanbanCard"("stageId");

-- CreateIndex
CREATE UNIQUE INDEX "CardFieldDefinition_tenantId_workspaceId_name_key" ON "workflows"."CardFieldDefinition"("tenantId", "workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "CardFieldDefinition_tenantId_workspaceId_displayOrder_key" ON "workflows"."CardFieldDefinition"("tenantId", "workspaceId", "displayOrder");

-- CreateIndex
CREATE INDEX "StageTrigger_tenantId_stageId_idx" ON "workflows"."StageTrigger"("tenantId", "stageId");

-- AddForeignKey
ALTER TABLE "workflows"."Workflow" ADD CONSTRAINT "Workflow_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "workflows"."WorkflowTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflows"."WorkflowStep" ADD CONSTRAINT "WorkflowStep_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "workflows"."Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflows"."WorkflowRun" ADD CONSTRAINT "WorkflowRun_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "workflows"."Workflow"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflows"."StepRun" ADD CONSTRAINT "StepRun_runId_fkey" FOREIGN KEY ("runId") REFERENCES "workflows"."WorkflowRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflows"."RunLog" ADD CONSTRAINT "RunLog_runId_fkey" FOREIGN KEY ("runId") REFERENCES "workflows"."WorkflowRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflows"."KanbanStage" ADD CONSTRAINT "KanbanStage_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "workflows"."KanbanBoard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflows"."KanbanCard" ADD CONSTRAINT "KanbanCard_boardId_fkey" FOREIGN KEY ("boardId") REFERENCES "workflows"."KanbanBoard"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflows"."KanbanCard" ADD CONSTRAINT "KanbanCard_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "workflows"."KanbanStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflows"."StageTrigger" ADD CONSTRAINT "StageTrigger_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "workflows"."KanbanStage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "workflows"."StageTrigger" ADD CONSTRAINT "StageTrigger_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "workflows"."Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Grants for the role that row-level-security policies bind (see @atelier/db withTenant).
GRANT USAGE ON SCHEMA "workflows" TO atelier_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "workflows" TO atelier_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "workflows" TO atelier_app;

-- Row-level security: the second wall behind every query's tenant filter.
ALTER TABLE "workflows"."WorkflowTemplate" ENABLE ROW LEVEL SECURITY;
-- System templates (no tenant) are readable by everyone; only a tenant's own rows are writable.
CREATE POLICY tenant_read ON "workflows"."WorkflowTemplate" FOR SELECT
  USING ("tenantId" IS NULL OR "tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY tenant_write ON "workflows"."WorkflowTemplate" FOR ALL
  USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "workflows"."Workflow" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "workflows"."Workflow" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "workflows"."WorkflowStep" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "workflows"."WorkflowStep" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "workflows"."WorkflowRun" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "workflows"."WorkflowRun" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "workflows"."StepRun" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "workflows"."StepRun" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "workflows"."RunLog" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "workflows"."RunLog" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "workflows"."stream_events" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "workflows"."stream_events" USING ("tenant_id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "workflows"."KanbanBoard" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "workflows"."KanbanBoard" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "workflows"."KanbanStage" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "workflows"."KanbanStage" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "workflows"."KanbanCard" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "workflows"."KanbanCard" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "workflows"."CardFieldDefinition" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "workflows"."CardFieldDefinition" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE "workflows"."StageTrigger" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "workflows"."StageTrigger" USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- Rules Prisma cannot express.
ALTER TABLE "workflows"."KanbanStage" ADD CONSTRAINT stage_color_hex CHECK (color ~ '^#[0-9A-Fa-f]{6}$');
ALTER TABLE "workflows"."KanbanStage" ADD CONSTRAINT stage_position_non_negative CHECK (position >= 0);
ALTER TABLE "workflows"."WorkflowRun" ADD CONSTRAINT run_retry_count_range CHECK ("retryCount" BETWEEN 0 AND 3);
ALTER TABLE "workflows"."WorkflowTemplate" ADD CONSTRAINT template_version_semver
  CHECK (version ~ '^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$');
CREATE UNIQUE INDEX "WorkflowTemplate_system_name_version_key" ON "workflows"."WorkflowTemplate" (name, version) WHERE "tenantId" IS NULL;
CREATE UNIQUE INDEX "WorkflowTemplate_tenant_name_version_key" ON "workflows"."WorkflowTemplate" ("tenantId", name, version) WHERE "tenantId" IS NOT NULL;
