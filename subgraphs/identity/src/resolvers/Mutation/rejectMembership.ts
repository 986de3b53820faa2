import { z } from "zod";
import { decideMembershipRequest } from "../../domain/decide-membership-request";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ membershipId: id });

export const rejectMembershipResolver: MutationResolvers["rejectMembership"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return { membership: await decideMembershipRequest(await ctx.memberScope(), { ...input, approve: false }) };
};
