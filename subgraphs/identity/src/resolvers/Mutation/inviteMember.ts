import { z } from "zod";
import { inviteMember } from "../../domain/invite-member";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { email, role } from "../validation";

const Input = z.object({ email, role });

export const inviteMemberResolver: MutationResolvers["inviteMember"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return { membership: await inviteMember(await ctx.memberScope(), input) };
};
