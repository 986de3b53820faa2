import { NotFoundError } from "@atelier/subgraph-kit";
import { z } from "zod";
import type { Context } from "../context";
import { type GenerationEventRow, listFeedEvents, listRequestEvents } from "../data/generation-events";
import { listGenerationRequests } from "../data/lists";
import { cancelGenerationRequest } from "../domain/cancel-generation-request";
import { createGenerationRequest } from "../domain/create-generation-request";
import {
  CancelGenerationRequestInput,
  CreateGenerationRequestInput,
  SelectGenerationSampleInput,
} from "../domain/generation-input";
import { inTenant, readerOf } from "../domain/scope";
import { selectGenerationSample } from "../domain/select-generation-sample";
import { id } from "../domain/validation";
import type { GenerationRequest } from "../generated/prisma/client";
import { type Args, IdArgs, inputOf, PageArgs, userRef } from "./shared";

const EventArgs = z.object({
  afterSequence: z.number().int().min(0).nullish(),
  first: z.number().int().min(1).max(500).nullish(),
});
const Status = z.enum([
  "PENDING",
  "PROCESSING_SAMPLES",
  "AWAITING_SELECTION",
  "PROCESSING_FINAL",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
  "CONTENT_REJECTED",
]);

const toEvent = (row: GenerationEventRow) => ({
  sequence: row.sequence,
  type: row.type,
  status: row.payload.status,
  at: row.createdAt,
  generationRequestId: row.streamId,
});

export const generationResolvers = {
  Query: {
    generationRequest: (_: unknown, args: Args, ctx: Context) =>
      ctx.loaders.generationRequestById.load(IdArgs.parse(args).id),
    generationRequests: (_: unknown, args: Args, ctx: Context) =>
      listGenerationRequests(
        ctx.services,
        readerOf(ctx.identity),
        PageArgs.extend({ workspaceId: id, status: Status.nullish() }).parse(args),
      ),
    generationRequestEvents: async (_: unknown, args: Args, ctx: Context) => {
      const parsed = EventArgs.extend({ id }).parse(args);
      const actor = readerOf(ctx.identity);
      if (!(await ctx.loaders.generationRequestById.load(parsed.id)))
        throw new NotFoundError(`Generation request ${parsed.id} not found.`);
      const rows = await inTenant(ctx.services, actor.tenantId, (tx) =>
        listRequestEvents(tx, actor.tenantId, parsed.id, parsed.afterSequence ?? 0, parsed.first ?? 100),
      );
      return rows.map(toEvent);
    },
    generationRequestFeedEvents: async (_: unknown, args: Args, ctx: Context) => {
      const parsed = EventArgs.extend({ workspaceId: id }).parse(args);
      const actor = readerOf(ctx.identity);
      if (!(await ctx.loaders.workspaceById.load(parsed.workspaceId))) {
        throw new NotFoundError(`Workspace ${parsed.workspaceId} not found.`);
      }
      const rows = await inTenant(ctx.services, actor.tenantId, (tx) =>
        listFeedEvents(tx, actor.tenantId, parsed.workspaceId, parsed.afterSequence ?? 0, parsed.first ?? 100),
      );
      return rows.map(toEvent);
    },
  },
  Mutation: {
    createGenerationRequest: async (_: unknown, args: Args, ctx: Context) => ({
      generationRequest: await createGenerationRequest(ctx, inputOf(CreateGenerationRequestInput, args)),
    }),
    selectGenerationSample: async (_: unknown, args: Args, ctx: Context) => ({
      generationRequest: await selectGenerationSample(ctx, inputOf(SelectGenerationSampleInput, args)),
    }),
    cancelGenerationRequest: async (_: unknown, args: Args, ctx: Context) => ({
      generationRequest: await cancelGenerationRequest(ctx, inputOf(CancelGenerationRequestInput, args)),
    }),
  },
  GenerationRequestEvent: {
    generationRequest: async (e: { generationRequestId: string }, _: Args, ctx: Context) =>
      ctx.loaders.generationRequestById.load(e.generationRequestId),
  },
  GenerationRequest: {
    workspace: (g: GenerationRequest, _: Args, ctx: Context) => ctx.loaders.workspaceById.load(g.workspaceId),
    project: (g: GenerationRequest, _: Args, ctx: Context) =>
      g.projectId ? ctx.loaders.projectById.load(g.projectId) : null,
    brandKit: (g: GenerationRequest, _: Args, ctx: Context) =>
      g.brandKitId ? ctx.loaders.brandKitById.load(g.brandKitId) : null,
    parameters: (g: GenerationRequest) => g.parameters ?? {},
    samples: (g: GenerationRequest, _: Args, ctx: Context) => ctx.loaders.samplesByGenerationRequestId.load(g.id),
    selectedSample: (g: GenerationRequest, _: Args, ctx: Context) =>
      g.selectedSampleId ? ctx.loaders.assetById.load(g.selectedSampleId) : null,
    finalAsset: (g: GenerationRequest, _: Args, ctx: Context) =>
      g.finalAssetId ? ctx.loaders.assetById.load(g.finalAssetId) : null,
    modelVersion: (g: GenerationRequest, _: Args, ctx: Context) =>
      g.modelVersionId ? ctx.loaders.aiModelVersionById.load(g.modelVersionId) : null,
    requestedBy: (g: GenerationRequest) => userRef(g.requestedById),
  },
};
