import { createProjectStore } from "../../data/project-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { ProjectStatus } from "../../inputs/project-input";
import { PageArgs, readerScope } from "../shared";

const QueueArgs = PageArgs.extend({ statuses: ProjectStatus.array().max(6).nullish() });

export const productionQueueResolver: QueryResolvers["productionQueue"] = (_, args, ctx) => {
  const parsed = QueueArgs.parse(args);
  const statuses = parsed.statuses?.length ? parsed.statuses : ["REQUESTED", "IN_PRODUCTION"];
  return readerScope(ctx).read((tx) => createProjectStore(tx).listQueue({ ...parsed, statuses }));
};
