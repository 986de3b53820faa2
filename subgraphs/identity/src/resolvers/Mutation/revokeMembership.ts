import { z } from "zod";
import { revokeMembership } from "../../domain/revoke-membership";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ membershipId: id });

export const revokeMembershipResolver: MutationResolvers["revokeMembership"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return { membership: await revokeMembership(await ctx.memberScope(), input) };
};
