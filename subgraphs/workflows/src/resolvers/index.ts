import { scalarResolvers } from "@atelier/subgraph-kit";
import type { Resolvers } from "../generated/resolvers-types";
import { kanbanMutations } from "./Mutation/kanban";
import { runMutations } from "./Mutation/runs";
import { templateMutations } from "./Mutation/templates";
import { workflowMutations } from "./Mutation/workflows";
import { kanbanQueries } from "./Query/kanban";
import { runQueries } from "./Query/runs";
import { templateQueries } from "./Query/templates";
import { workflowQueries } from "./Query/workflows";
import { KanbanBoard, KanbanCard, KanbanStage, StageTrigger } from "./types/kanban-types";
import { WorkflowRun, WorkflowRunEvent } from "./types/run-types";
import { Workflow, WorkflowTemplate } from "./types/workflow-types";
import { Workspace } from "./types/workspace-types";

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: { ...templateQueries, ...workflowQueries, ...runQueries, ...kanbanQueries },
  Mutation: { ...templateMutations, ...workflowMutations, ...runMutations, ...kanbanMutations },
  WorkflowTemplate,
  Workflow,
  WorkflowRun,
  WorkflowRunEvent,
  KanbanBoard,
  KanbanStage,
  KanbanCard,
  StageTrigger,
  Workspace,
};
