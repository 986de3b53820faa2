import { createBrandKit } from "../../domain/create-brand-kit";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { CreateBrandKitInput } from "../../inputs/brand-kit-input";
import { inputOf } from "../shared";

export const createBrandKitResolver: MutationResolvers["createBrandKit"] = async (_, args, ctx) => ({
  brandKit: await createBrandKit(ctx.scope, inputOf(CreateBrandKitInput, args)),
});
