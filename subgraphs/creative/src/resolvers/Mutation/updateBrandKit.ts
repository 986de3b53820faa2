import { UpdateBrandKitInput } from "../../domain/brand-kit-input";
import { updateBrandKit } from "../../domain/update-brand-kit";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const updateBrandKitResolver: MutationResolvers["updateBrandKit"] = async (_, args, ctx) => ({
  brandKit: await updateBrandKit(ctx.scope, inputOf(UpdateBrandKitInput, args)),
});
