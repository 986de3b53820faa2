import { z } from "zod";
import { revokeApiClient } from "../../domain/revoke-api-client";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ id });

export const revokeApiClientResolver: MutationResolvers["revokeApiClient"] = async (_, args, ctx) => ({
  apiClient: await revokeApiClient(ctx, Input.parse(args.input)),
});
