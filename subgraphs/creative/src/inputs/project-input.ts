import { z } from "zod";
import { ProjectStatus as ProjectStatusEnum } from "../generated/resolvers-types";
import { httpUrl, id, optionalText, shortText } from "./validation";

export const ProjectStatus = z.enum(ProjectStatusEnum);

const projectFields = {
  name: shortText(200),
  brief: optionalText(20000),
  targetPlatform: optionalText(50),
  templateId: id.nullish(),
  brandKitId: id.nullish(),
  status: ProjectStatus.nullish(),
  trackingUrl: httpUrl.nullish(),
  briefUrl: httpUrl.nullish(),
  reviewUrl: httpUrl.nullish(),
  designReviewUrl: httpUrl.nullish(),
};

export const CreateProjectInput = z.object({
  workspaceId: id,
  ...projectFields,
  requestedAt: z.coerce.date().nullish(),
});

export const UpdateProjectInput = z.object(projectFields).partial().extend({ id });
