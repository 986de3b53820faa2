import type { SessionResolvers } from "../generated/resolvers-types";

export const Session: SessionResolvers = {
  current: (session, _, ctx) => ctx.identity.kind === "user" && ctx.identity.sessionId === session.id,
};
