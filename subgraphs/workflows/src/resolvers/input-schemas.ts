import { z } from "@atelier/config";

/** Field rules checked at the edge; failures become BAD_USER_INPUT naming the field. */
export const id = z.uuid("must be a UUID");
export const json = z.unknown().optional();
const jsonObject = z.record(z.string(), z.unknown());
const semver = z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, "must be a semantic version like 1.0.0");
const hexColour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, "must be a hex colour like #1A2B3C");
const businessArea = z.enum(["MARKETING", "SALES", "OPERATIONS", "CUSTOMER_SUPPORT", "FINANCE", "HR", "OTHER"]);
const stepType = z.enum(["HTTP_REQUEST", "TRANSFORM", "DELAY", "APPROVAL", "KNOWLEDGE_SEARCH", "GENERATION_REQUEST"]);
const tags = z.array(z.string().min(1).max(50)).max(30);

export const stepInput = z.object({
  key: z.string(),
  name: z.string().max(200).nullish(),
  type: stepType,
  config: json,
});

export const createTemplateInput = z.object({
  name: z.string().trim().min(3).max(200),
  description: z.string().trim().min(10).max(1000),
  businessArea,
  complexity: z.enum(["BEGINNER", "INTERMEDIATE", "ADVANCED"]),
  tags: tags.nullish(),
  version: semver,
  externalFlowId: z.string().max(200).nullish(),
  estimatedDurationMinutes: z.number().int().min(1).max(1440).nullish(),
  inputSchema: json,
  outputSchema: json,
  steps: z.array(stepInput).nullish(),
});

export const updateTemplateInput = z.object({
  id,
  name: z.string().trim().min(3).max(200).nullish(),
  description: z.string().trim().min(10).max(1000).nullish(),
  tags: tags.nullish(),
  version: semver.nullish(),
  isActive: z.boolean().nullish(),
  inputSchema: json,
  outputSchema: json,
});

export const createWorkflowInput = z.object({
  workspaceId: id,
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullish(),
  templateId: id.nullish(),
  inputSchema: json,
  outputSchema: json,
  steps: z.array(stepInput).nullish(),
});

export const updateWorkflowInput = z.object({
  id,
  name: z.string().trim().min(1).max(200).nullish(),
  description: z.string().max(2000).nullish(),
  status: z.enum(["ACTIVE", "ARCHIVED"]).nullish(),
  inputSchema: json,
  outputSchema: json,
  steps: z.array(stepInput).nullish(),
});

export const startRunInput = z.object({
  workflowId: id,
  input: json,
  idempotencyKey: z.string().min(1).max(200).nullish(),
  filesUsed: z.array(jsonObject).max(100).nullish(),
});

export const runRefInput = z.object({ runId: id });
export const resumeRunInput = z.object({
  runId: id,
  approved: z
    .boolean()
    .nullish()
    .transform((v) => v ?? true),
  comment: z.string().max(2000).nullish(),
});

export const createBoardInput = z.object({
  workspaceId: id,
  name: z.string().trim().min(3).max(100),
  description: z.string().max(2000).nullish(),
});
export const createStageInput = z.object({
  boardId: id,
  name: z.string().trim().min(2).max(50),
  color: hexColour,
  position: z.number().int().min(0).max(1000).nullish(),
});
export const updateStageInput = z.object({
  id,
  name: z.string().trim().min(2).max(50).nullish(),
  color: hexColour.nullish(),
  position: z.number().int().min(0).max(1000).nullish(),
});
export const createFieldDefinitionInput = z.object({
  workspaceId: id,
  name: z.string().trim().min(1).max(50),
  type: z.enum(["TEXT", "NUMBER", "DATE", "DROPDOWN", "CHECKBOX"]),
  config: json,
  required: z.boolean().nullish(),
  displayOrder: z.number().int().min(0).max(1000),
});
export const createCardInput = z.object({
  stageId: id,
  title: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).nullish(),
  fields: jsonObject.nullish(),
  dueDate: z.coerce.date().nullish(),
});
export const moveCardInput = z.object({
  cardId: id,
  stageId: id,
  position: z.number().int().min(0).max(100_000).nullish(),
});
export const updateCardInput = z.object({
  cardId: id,
  title: z.string().trim().min(1).max(200).nullish(),
  description: z.string().max(10_000).nullish(),
  fields: jsonObject.nullish(),
});
export const createTriggerInput = z.object({
  stageId: id,
  workflowId: id,
  event: z.enum(["STAGE_ENTRY", "STAGE_EXIT", "ATTRIBUTE_CHANGE"]),
  fieldName: z.string().min(1).max(50).nullish(),
  operator: z.enum(["EQUALS", "NOT_EQUALS", "GREATER_THAN", "LESS_THAN", "CONTAINS"]).nullish(),
  value: json,
});
export const sequence = z.number().int().min(0).nullish();
