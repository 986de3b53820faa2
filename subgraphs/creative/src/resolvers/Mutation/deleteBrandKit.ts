import { deleteBrandKit } from "../../domain/delete-brand-kit";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { IdArgs, inputOf } from "../shared";

export const deleteBrandKitResolver: MutationResolvers["deleteBrandKit"] = async (_, args, ctx) => ({
  deletedBrandKitId: await deleteBrandKit(ctx.scope, inputOf(IdArgs, args)),
});
