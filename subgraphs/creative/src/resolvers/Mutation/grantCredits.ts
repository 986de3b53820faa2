import { GrantCreditsInput, grantCredits } from "../../domain/grant-credits";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { inputOf } from "../shared";

export const grantCreditsResolver: MutationResolvers["grantCredits"] = (_, args, ctx) =>
  grantCredits(ctx.services, { identity: ctx.identity, requestId: ctx.requestId }, inputOf(GrantCreditsInput, args));
