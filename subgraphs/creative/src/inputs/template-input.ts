import { z } from "zod";
import { httpUrl, optionalText, shortText } from "./validation";

export const CreateTemplateInput = z.object({
  name: shortText(150),
  description: optionalText(5000),
  category: shortText(50).transform((c) => c.toUpperCase()),
  previewUrl: httpUrl.nullish(),
  sourceData: z.record(z.string(), z.unknown()).nullish(),
  tags: z
    .array(shortText(40).transform((t) => t.toLowerCase()))
    .max(20)
    .nullish(),
});
