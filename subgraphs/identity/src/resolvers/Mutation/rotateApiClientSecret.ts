import { z } from "zod";
import { rotateApiClientSecret } from "../../domain/rotate-api-client-secret";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ id });

export const rotateApiClientSecretResolver: MutationResolvers["rotateApiClientSecret"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return rotateApiClientSecret(await ctx.memberScope(), input);
};
