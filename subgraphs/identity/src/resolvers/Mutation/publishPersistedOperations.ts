import { z } from "zod";
import { publishPersistedOperations } from "../../domain/publish-persisted-operations";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { name } from "../validation";

const Input = z.object({
  app: name,
  version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/, "1–64 letters, digits and . _ + -"),
  manifest: z.unknown(),
});

export const publishPersistedOperationsResolver: MutationResolvers["publishPersistedOperations"] = async (
  _,
  args,
  ctx,
) => {
  const input = Input.parse(args.input);
  return publishPersistedOperations(await ctx.memberScope(), input);
};
