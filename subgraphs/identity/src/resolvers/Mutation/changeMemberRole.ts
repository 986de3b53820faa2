import { z } from "zod";
import { changeMemberRole } from "../../domain/change-member-role";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id, role } from "../validation";

const Input = z.object({ membershipId: id, role });

export const changeMemberRoleResolver: MutationResolvers["changeMemberRole"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return { membership: await changeMemberRole(await ctx.memberScope(), input) };
};
