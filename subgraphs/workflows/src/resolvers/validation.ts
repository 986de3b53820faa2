import { z } from "@atelier/config";
import { StepType } from "../generated/resolvers-types";

/** Field rules shared by several resolvers; failures become BAD_USER_INPUT naming the field. */
export const id = z.uuid("must be a UUID");
export const json = z.unknown().optional();
export const jsonObject = z.record(z.string(), z.unknown());
export const semver = z
  .string()
  .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, "must be a semantic version like 1.0.0");
export const hexColour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, "must be a hex colour like #1A2B3C");
export const tags = z.array(z.string().min(1).max(50)).max(30);

export const stepInput = z.object({
  key: z.string(),
  name: z.string().max(200).nullish(),
  type: z.enum(StepType),
  config: json,
});

export const runRefInput = z.object({ runId: id });
export const sequence = z.number().int().min(0).nullish();
