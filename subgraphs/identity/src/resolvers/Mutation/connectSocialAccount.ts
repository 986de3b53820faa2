import { z } from "zod";
import { connectSocialAccount } from "../../domain/connect-social-account";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { socialPlatform, token } from "../validation";

const Input = z.object({
  platform: socialPlatform,
  externalUserId: z.string().trim().min(1, "must not be empty").max(100, "at most 100 characters"),
  accessToken: token,
  refreshToken: token.nullish(),
  expiresAt: z.coerce.date().nullish(),
});

export const connectSocialAccountResolver: MutationResolvers["connectSocialAccount"] = async (_, args, ctx) => ({
  socialConnection: await connectSocialAccount(ctx.account, Input.parse(args.input)),
});
