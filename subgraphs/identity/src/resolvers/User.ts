import { canSeeUser } from "../domain/can-see-user";
import { socialConnectionsOf } from "../domain/social-connections-of";
import type { UserResolvers } from "../generated/resolvers-types";

export const User: UserResolvers = {
  __resolveReference: async (ref, ctx) => {
    const user = await ctx.loaders.userById.load(ref.id);
    return user && (await canSeeUser(ctx.account, user.id)) ? user : null;
  },
  emailVerified: (user) => user.emailVerifiedAt !== null,
  socialConnections: (user, _, ctx) => socialConnectionsOf(ctx.account, user.id),
};
