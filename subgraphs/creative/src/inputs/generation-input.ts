import { z } from "zod";
import { id, optionalText } from "./validation";

export const CreateGenerationRequestInput = z.object({
  workspaceId: id,
  projectId: id.nullish(),
  brandKitId: id.nullish(),
  prompt: z.string().trim().min(1, "must not be empty").max(4000),
  styleGuidance: optionalText(2000),
  parameters: z
    .object({
      width: z.number().int().min(64).max(2048).optional(),
      height: z.number().int().min(64).max(2048).optional(),
    })
    .catchall(z.unknown())
    .nullish(),
  seed: z.number().int().min(0).max(2_147_483_647).nullish(),
  modelId: id.nullish(),
  idempotencyKey: z.string().trim().min(1, "must not be empty").max(200).nullish(),
});

export const SelectGenerationSampleInput = z.object({ generationRequestId: id, sampleAssetId: id });
export const CancelGenerationRequestInput = z.object({ generationRequestId: id });
