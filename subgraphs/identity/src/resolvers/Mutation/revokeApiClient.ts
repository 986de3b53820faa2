import { z } from "zod";
import { revokeApiClient } from "../../domain/revoke-api-client";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ id });

export const revokeApiClientResolver: MutationResolvers["revokeApiClient"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return { apiClient: await revokeApiClient(await ctx.memberScope(), input) };
};
