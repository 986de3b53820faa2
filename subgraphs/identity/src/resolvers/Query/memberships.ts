import { z } from "zod";
import { listMemberships } from "../../domain/list-memberships";
import { MembershipRole, MembershipStatus, type QueryResolvers } from "../../generated/resolvers-types";
import { page } from "../validation";

const Args = z.object({
  ...page,
  filter: z
    .object({
      status: z.enum(MembershipStatus).nullish(),
      role: z.enum(MembershipRole).nullish(),
    })
    .nullish(),
});

export const membershipsResolver: QueryResolvers["memberships"] = async (_, args, ctx) => {
  const input = Args.parse(args);
  return listMemberships(await ctx.memberScope(), input);
};
