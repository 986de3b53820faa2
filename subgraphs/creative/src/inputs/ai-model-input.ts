import { z } from "zod";
import {
  AiModelVersionStatus,
  AiTaskType,
  DeploymentEnvironment,
  DeploymentStatus,
  ValidationStatus,
} from "../generated/resolvers-types";
import { id, optionalText, shortText } from "./validation";

const json = z.record(z.string(), z.unknown());
const validation = z.enum(ValidationStatus);

export const RegisterAiModelInput = z.object({
  name: shortText(100),
  description: optionalText(2000),
  provider: z.enum(["builtin", "http"], { message: "provider must be builtin or http" }),
  taskType: z.enum(AiTaskType),
});

export const CreateAiModelVersionInput = z.object({
  modelId: id,
  versionNumber: shortText(50),
  sourcePath: optionalText(1024),
  format: optionalText(50),
  parameters: json.nullish(),
  releaseNotes: optionalText(10000),
});

export const SetAiModelVersionStatusInput = z.object({
  modelVersionId: id,
  status: z.enum(AiModelVersionStatus),
});

export const RecordAiModelValidationInput = z.object({
  modelVersionId: id,
  securityScanStatus: validation,
  functionalStatus: validation,
  performanceBenchmark: json.nullish(),
  results: json.nullish(),
});

export const RecordAiModelDeploymentInput = z.object({
  modelVersionId: id,
  environment: z.enum(DeploymentEnvironment),
  status: z.enum(DeploymentStatus).nullish(),
  deploymentStrategy: optionalText(50),
  endpoint: optionalText(2048),
  details: json.nullish(),
});

export const SubmitAiModelFeedbackInput = z.object({
  generationRequestId: id,
  rating: z.number().int().min(1, "must be 1 to 5").max(5, "must be 1 to 5"),
  comment: optionalText(2000),
});
