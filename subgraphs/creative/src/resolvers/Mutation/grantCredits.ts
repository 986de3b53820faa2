import { GrantCreditsInput, grantCredits } from "../../domain/grant-credits";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { billingScope } from "../../scope/billing-scope";
import { inputOf } from "../shared";

export const grantCreditsResolver: MutationResolvers["grantCredits"] = (_, args, ctx) => {
  const input = inputOf(GrantCreditsInput, args);
  return grantCredits(billingScope(ctx, input.tenantId), input);
};
