import { z } from "zod";
import { revokeMembership } from "../../domain/revoke-membership";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ membershipId: id });

export const revokeMembershipResolver: MutationResolvers["revokeMembership"] = async (_, args, ctx) => ({
  membership: await revokeMembership(ctx, Input.parse(args.input)),
});
