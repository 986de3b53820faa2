import { logout } from "../../domain/logout";
import type { MutationResolvers } from "../../generated/resolvers-types";

export const logoutResolver: MutationResolvers["logout"] = (_, __, ctx) => logout(ctx.account);
