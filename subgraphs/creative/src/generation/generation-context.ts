import type { Db } from "../data/db";
import type { GenerationRequest } from "../generated/prisma/client";
import type { CreativeServices } from "../services";
import type { GenerationProvider } from "./generation-provider";

export interface GenerationContext {
  provider: GenerationProvider;
  model: { name: string; version: string };
  palette: string[];
  size: { width: number; height: number };
}

export const SAMPLE_SIZE = 256;
const DEFAULT_FINAL_SIZE = 1024;

/** What the worker needs besides the request: the registry's model, its provider and the brand palette. */
export async function loadGenerationContext(
  services: CreativeServices,
  tx: Db,
  request: GenerationRequest,
): Promise<GenerationContext> {
  const version = request.modelVersionId
    ? await tx.aiModelVersion.findFirst({ where: { id: request.modelVersionId }, include: { model: true } })
    : null;
  if (!version) throw new Error("the request's model version is no longer in the registry");
  const provider = services.providers.get(version.model.provider);
  if (!provider) throw new Error(`generation provider "${version.model.provider}" is not configured`);
  const kit = request.brandKitId
    ? await tx.brandKit.findFirst({ where: { id: request.brandKitId, tenantId: request.tenantId } })
    : null;
  const colors = Array.isArray(kit?.colors) ? (kit.colors as { hex?: unknown }[]) : [];
  const params = (request.parameters ?? {}) as { width?: number; height?: number };
  return {
    provider,
    model: { name: version.model.name, version: version.versionNumber },
    palette: colors.map((c) => c.hex).filter((hex): hex is string => typeof hex === "string"),
    size: { width: params.width ?? DEFAULT_FINAL_SIZE, height: params.height ?? DEFAULT_FINAL_SIZE },
  };
}
