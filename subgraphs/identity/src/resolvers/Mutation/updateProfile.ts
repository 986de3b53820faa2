import { z } from "zod";
import { updateProfile } from "../../domain/update-profile";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { httpUrl, name, username } from "../validation";

const Input = z.object({
  fullName: name.nullish(),
  username: username.nullish(),
  pictureUrl: httpUrl.nullish(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a BCP 47 language tag")
    .nullish(),
  timezone: z
    .string()
    .max(64)
    .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", "an IANA time zone")
    .nullish(),
});

export const updateProfileResolver: MutationResolvers["updateProfile"] = async (_, args, ctx) => ({
  user: await updateProfile(ctx.account, Input.parse(args.input)),
});
