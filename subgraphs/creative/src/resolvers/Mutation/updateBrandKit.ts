import { updateBrandKit } from "../../domain/update-brand-kit";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { UpdateBrandKitInput } from "../../inputs/brand-kit-input";
import { inputOf } from "../shared";

export const updateBrandKitResolver: MutationResolvers["updateBrandKit"] = async (_, args, ctx) => ({
  brandKit: await updateBrandKit(ctx.scope, inputOf(UpdateBrandKitInput, args)),
});
