import { BadUserInputError } from "@atelier/subgraph-kit";
import type { CreativeConfig } from "../config";

export function assertAllowedMime(config: CreativeConfig, mimeType: string): void {
  if (config.assets.allowedMimeTypes.includes(mimeType)) return;
  throw new BadUserInputError(
    `mimeType: ${mimeType} is not allowed. Allowed types: ${config.assets.allowedMimeTypes.join(", ")}.`,
    { reason: "MIME_TYPE_NOT_ALLOWED" },
  );
}
