import { CreateBrandKitInput } from "../../domain/brand-kit-input";
import { createBrandKit } from "../../domain/create-brand-kit";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const createBrandKitResolver: MutationResolvers["createBrandKit"] = async (_, args, ctx) => ({
  brandKit: await createBrandKit(ctx.scope, inputOf(CreateBrandKitInput, args)),
});
