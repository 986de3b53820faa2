import { API_SCOPES, isApiScope } from "@atelier/internal-auth";
import { z } from "zod";
import { MembershipRole, SocialPlatform } from "../generated/resolvers-types";

/** Input pieces shared by resolvers; every failure names its field (→ BAD_USER_INPUT). */
export const id = z.uuid({ message: "must be a UUID" });
export const email = z.email({ message: "must be an e-mail address" }).max(254, "at most 254 characters");
export const password = z.string().min(10, "at least 10 characters").max(200, "at most 200 characters");
export const name = z.string().trim().min(1, "must not be empty").max(200, "at most 200 characters");
/** A URL a frontend will render (a link, an image): http or https only, never javascript: or data:. */
export const httpUrl = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
  .max(2048, "at most 2048 characters");
export const optionalText = (max: number) => z.string().max(max, `at most ${max} characters`).nullish();
export const token = z.string().min(1, "must not be empty").max(4096, "too long");
export const slug = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "lower-case letters, digits and dashes, at most 64");
export const username = z.string().regex(/^[A-Za-z0-9._-]{3,40}$/, "3–40 letters, digits, . _ -");
export const device = optionalText(200);
export const role = z.enum(MembershipRole);
export const totpCode = z.string().regex(/^\d{6}$/, "six digits");
export const scope = z
  .string()
  .max(100, "at most 100 characters")
  .superRefine((value, ctx) => {
    if (!isApiScope(value)) {
      ctx.addIssue({
        code: "custom",
        message: `unknown scope "${value}"; known scopes: ${Object.keys(API_SCOPES).join(", ")}`,
      });
    }
  });
export const scopes = z.array(scope).max(50, "at most 50");
export const page = { first: z.number().int().min(1).max(100).nullish(), after: z.string().max(512).nullish() };
export const socialPlatform = z.enum(SocialPlatform);
