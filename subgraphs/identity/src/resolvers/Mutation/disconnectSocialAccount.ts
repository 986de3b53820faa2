import { z } from "zod";
import { disconnectSocialAccount } from "../../domain/disconnect-social-account";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { socialPlatform } from "../validation";

const Input = z.object({ platform: socialPlatform });

export const disconnectSocialAccountResolver: MutationResolvers["disconnectSocialAccount"] = (_, args, ctx) =>
  disconnectSocialAccount(ctx.account, Input.parse(args.input));
