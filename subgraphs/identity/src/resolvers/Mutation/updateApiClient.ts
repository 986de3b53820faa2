import { z } from "zod";
import { updateApiClient } from "../../domain/update-api-client";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id, name, scopes } from "../validation";

const Input = z.object({
  id,
  name: name.nullish(),
  scopes: scopes.nullish(),
  allowedApps: z.array(name).max(50).nullish(),
});

export const updateApiClientResolver: MutationResolvers["updateApiClient"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return { apiClient: await updateApiClient(await ctx.memberScope(), input) };
};
