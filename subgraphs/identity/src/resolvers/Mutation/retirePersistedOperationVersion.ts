import { z } from "zod";
import { retirePersistedOperationVersion } from "../../domain/retire-persisted-operation-version";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { name } from "../validation";

const Input = z.object({ app: name, version: z.string().min(1).max(64) });

export const retirePersistedOperationVersionResolver: MutationResolvers["retirePersistedOperationVersion"] = async (
  _,
  args,
  ctx,
) => {
  const input = Input.parse(args.input);
  return retirePersistedOperationVersion(await ctx.memberScope(), input);
};
