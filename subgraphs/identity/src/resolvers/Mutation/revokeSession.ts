import { z } from "zod";
import { revokeSession } from "../../domain/revoke-session";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ id });

export const revokeSessionResolver: MutationResolvers["revokeSession"] = (_, args, ctx) =>
  revokeSession(ctx.account, Input.parse(args.input));
