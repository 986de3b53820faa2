import { z } from "zod";
import { httpUrl, id, shortText } from "./validation";

/** #RGB or #RRGGBB, stored as upper-case #RRGGBB. */
export const hexColor = z
  .string()
  .trim()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "must be a hex colour like #1A2B3C")
  .transform((hex) => {
    const digits = hex.slice(1);
    const full = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
    return `#${full.toUpperCase()}`;
  });

const colors = z.array(z.object({ name: shortText(50), hex: hexColor })).max(32);
const fonts = z.array(z.object({ name: shortText(50), family: shortText(100), url: httpUrl.nullish() })).max(16);
const logos = z
  .array(
    z
      .object({ name: shortText(50), assetId: id.nullish(), url: httpUrl.nullish() })
      .refine((l) => l.assetId || l.url, { message: "a logo needs an assetId or a url" }),
  )
  .max(16);
const stylePreferences = z.record(z.string(), z.unknown());

export const CreateBrandKitInput = z.object({
  name: shortText(100),
  colors,
  fonts: fonts.nullish(),
  logos: logos.nullish(),
  stylePreferences: stylePreferences.nullish(),
  isDefault: z.boolean().nullish(),
});

export const UpdateBrandKitInput = z.object({
  id,
  name: shortText(100).nullish(),
  colors: colors.nullish(),
  fonts: fonts.nullish(),
  logos: logos.nullish(),
  stylePreferences: stylePreferences.nullish(),
  isDefault: z.boolean().nullish(),
});
