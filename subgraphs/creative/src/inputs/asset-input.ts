import { z } from "zod";
import { AccessLevel as AccessLevelEnum, AssetType } from "../generated/resolvers-types";
import { id, optionalText, shortText } from "./validation";

const mimeType = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, "must be a MIME type like image/png")
  .max(127);
const sizeBytes = z.number().int().min(1, "must be at least 1 byte");
const json = z.record(z.string(), z.unknown());

export const AccessLevel = z.enum(AccessLevelEnum);

export const CreateAssetUploadInput = z.object({
  workspaceId: id,
  projectId: id.nullish(),
  name: shortText(255),
  mimeType,
  sizeBytes,
  accessLevel: AccessLevel.nullish(),
  type: z.enum([AssetType.Uploaded, AssetType.Derived], { message: "uploads are UPLOADED or DERIVED" }).nullish(),
  metadata: json.nullish(),
  stateData: json.nullish(),
});

export const CreateAssetVersionUploadInput = z.object({
  assetId: id,
  mimeType: mimeType.nullish(),
  sizeBytes,
  stateData: json.nullish(),
  description: optionalText(2000),
});

export const UpdateAssetInput = z.object({
  assetId: id,
  name: shortText(255).nullish(),
  accessLevel: AccessLevel.nullish(),
  projectId: id.nullish(),
});
