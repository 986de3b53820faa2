import { z } from "zod";
import { createApiClient } from "../../domain/create-api-client";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { name, scopes } from "../validation";

const Input = z.object({ name, scopes, allowedApps: z.array(name).max(50, "at most 50").nullish() });

export const createApiClientResolver: MutationResolvers["createApiClient"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return createApiClient(await ctx.memberScope(), input);
};
