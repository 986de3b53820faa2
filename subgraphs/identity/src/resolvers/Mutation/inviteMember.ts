import { z } from "zod";
import { inviteMember } from "../../domain/invite-member";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { email, role } from "../validation";

const Input = z.object({ email, role });

export const inviteMemberResolver: MutationResolvers["inviteMember"] = async (_, args, ctx) => ({
  membership: await inviteMember(ctx, Input.parse(args.input)),
});
