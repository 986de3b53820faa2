import { z } from "zod";
import { decideMembershipRequest } from "../../domain/decide-membership-request";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ membershipId: id });

export const rejectMembershipResolver: MutationResolvers["rejectMembership"] = async (_, args, ctx) => ({
  membership: await decideMembershipRequest(ctx, Input.parse(args.input), { approve: false }),
});
