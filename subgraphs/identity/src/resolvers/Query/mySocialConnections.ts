import { listMySocialConnections } from "../../domain/list-my-social-connections";
import type { QueryResolvers } from "../../generated/resolvers-types";

export const mySocialConnectionsResolver: QueryResolvers["mySocialConnections"] = (_, __, ctx) =>
  listMySocialConnections(ctx.account);
