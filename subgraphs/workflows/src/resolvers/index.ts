import { scalarResolvers } from "@atelier/subgraph-kit";
import type { Resolvers } from "../generated/resolvers-types";
import { KanbanBoard } from "./KanbanBoard";
import { KanbanCard } from "./KanbanCard";
import { KanbanStage } from "./KanbanStage";
import { cancelWorkflowRunResolver } from "./Mutation/cancelWorkflowRun";
import { createCardFieldDefinitionResolver } from "./Mutation/createCardFieldDefinition";
import { createKanbanBoardResolver } from "./Mutation/createKanbanBoard";
import { createKanbanCardResolver } from "./Mutation/createKanbanCard";
import { createKanbanStageResolver } from "./Mutation/createKanbanStage";
import { createStageTriggerResolver } from "./Mutation/createStageTrigger";
import { createWorkflowResolver } from "./Mutation/createWorkflow";
import { createWorkflowTemplateResolver } from "./Mutation/createWorkflowTemplate";
import { moveKanbanCardResolver } from "./Mutation/moveKanbanCard";
import { pauseWorkflowRunResolver } from "./Mutation/pauseWorkflowRun";
import { resumeWorkflowRunResolver } from "./Mutation/resumeWorkflowRun";
import { retryWorkflowRunResolver } from "./Mutation/retryWorkflowRun";
import { startWorkflowRunResolver } from "./Mutation/startWorkflowRun";
import { updateKanbanCardResolver } from "./Mutation/updateKanbanCard";
import { updateKanbanStageResolver } from "./Mutation/updateKanbanStage";
import { updateWorkflowResolver } from "./Mutation/updateWorkflow";
import { updateWorkflowTemplateResolver } from "./Mutation/updateWorkflowTemplate";
import { cardFieldDefinitionsResolver } from "./Query/cardFieldDefinitions";
import { kanbanBoardResolver } from "./Query/kanbanBoard";
import { kanbanBoardsResolver } from "./Query/kanbanBoards";
import { kanbanCardResolver } from "./Query/kanbanCard";
import { workflowResolver } from "./Query/workflow";
import { workflowRunResolver } from "./Query/workflowRun";
import { workflowRunEventsResolver } from "./Query/workflowRunEvents";
import { workflowRunFeedEventsResolver } from "./Query/workflowRunFeedEvents";
import { workflowRunsResolver } from "./Query/workflowRuns";
import { workflowsResolver } from "./Query/workflows";
import { workflowsHealthResolver } from "./Query/workflowsHealth";
import { workflowTemplateResolver } from "./Query/workflowTemplate";
import { workflowTemplatesResolver } from "./Query/workflowTemplates";
import { StageTrigger } from "./StageTrigger";
import { Workflow } from "./Workflow";
import { WorkflowRun } from "./WorkflowRun";
import { WorkflowRunEvent } from "./WorkflowRunEvent";
import { WorkflowTemplate } from "./WorkflowTemplate";
import { Workspace } from "./Workspace";

export const resolvers: Resolvers = {
  ...scalarResolvers,
  Query: {
    cardFieldDefinitions: cardFieldDefinitionsResolver,
    kanbanBoard: kanbanBoardResolver,
    kanbanBoards: kanbanBoardsResolver,
    kanbanCard: kanbanCardResolver,
    workflow: workflowResolver,
    workflowRun: workflowRunResolver,
    workflowRunEvents: workflowRunEventsResolver,
    workflowRunFeedEvents: workflowRunFeedEventsResolver,
    workflowRuns: workflowRunsResolver,
    workflowTemplate: workflowTemplateResolver,
    workflowTemplates: workflowTemplatesResolver,
    workflows: workflowsResolver,
    workflowsHealth: workflowsHealthResolver,
  },
  Mutation: {
    cancelWorkflowRun: cancelWorkflowRunResolver,
    createCardFieldDefinition: createCardFieldDefinitionResolver,
    createKanbanBoard: createKanbanBoardResolver,
    createKanbanCard: createKanbanCardResolver,
    createKanbanStage: createKanbanStageResolver,
    createStageTrigger: createStageTriggerResolver,
    createWorkflow: createWorkflowResolver,
    createWorkflowTemplate: createWorkflowTemplateResolver,
    moveKanbanCard: moveKanbanCardResolver,
    pauseWorkflowRun: pauseWorkflowRunResolver,
    resumeWorkflowRun: resumeWorkflowRunResolver,
    retryWorkflowRun: retryWorkflowRunResolver,
    startWorkflowRun: startWorkflowRunResolver,
    updateKanbanCard: updateKanbanCardResolver,
    updateKanbanStage: updateKanbanStageResolver,
    updateWorkflow: updateWorkflowResolver,
    updateWorkflowTemplate: updateWorkflowTemplateResolver,
  },
  KanbanBoard,
  KanbanCard,
  KanbanStage,
  StageTrigger,
  Workflow,
  WorkflowRun,
  WorkflowRunEvent,
  WorkflowTemplate,
  Workspace,
};
