import { z } from "zod";
import { respondToInvitation } from "../../domain/respond-to-invitation";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ membershipId: id });

export const declineInvitationResolver: MutationResolvers["declineInvitation"] = async (_, args, ctx) => ({
  membership: await respondToInvitation(ctx.account, { ...Input.parse(args.input), accept: false }),
});
