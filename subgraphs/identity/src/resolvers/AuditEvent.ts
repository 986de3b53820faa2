import { canSeeUser } from "../domain/can-see-user";
import type { AuditEventResolvers } from "../generated/resolvers-types";

export const AuditEvent: AuditEventResolvers = {
  actor: async (event, _, ctx) =>
    event.actorType === "USER" && event.actorId && (await canSeeUser(ctx.account, event.actorId))
      ? ctx.loaders.userById.load(event.actorId)
      : null,
};
