import { z } from "zod";

export const id = z.uuid({ message: "must be a UUID" });
export const shortText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullish();
// The URL scalar hands resolvers URL objects; they are stored as their string form.
export const httpUrl = z.preprocess(
  (value) => (value instanceof URL ? value.toString() : value),
  z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).max(2048),
);
export const page = { first: z.number().int().min(1).max(100).nullish(), after: z.string().max(200).nullish() };
