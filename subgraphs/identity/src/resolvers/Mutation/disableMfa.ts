import { z } from "zod";
import { disableMfa } from "../../domain/disable-mfa";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { totpCode } from "../validation";

const Input = z.object({ code: totpCode });

export const disableMfaResolver: MutationResolvers["disableMfa"] = async (_, args, ctx) => ({
  user: await disableMfa(ctx.account, Input.parse(args.input)),
});
