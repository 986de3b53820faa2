import { z } from "zod";
import { WorkspaceLinkKind } from "../generated/resolvers-types";
import { httpUrl, id, optionalText, shortText } from "./validation";

export const WorkspaceLinkInput = z.object({
  kind: z.enum(WorkspaceLinkKind),
  url: httpUrl.nullish(),
  label: optionalText(100),
  required: z.boolean().nullish(),
});

export const CreateWorkspaceInput = z.object({
  name: shortText(100),
  businessArea: optionalText(100),
  description: optionalText(5000),
  defaultBrandKitId: id.nullish(),
  links: z.array(WorkspaceLinkInput).max(50).nullish(),
  requestAgentPrompt: optionalText(20000),
});

export const UpdateWorkspaceInput = CreateWorkspaceInput.partial().extend({ id });
