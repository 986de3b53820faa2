import { randomUUID } from "node:crypto";
import type { Identity } from "@atelier/internal-auth";
import { waitFor } from "@atelier/testing";
import type { WorkflowsSubgraph } from "./fixture";

export const NAME_SCHEMA = {
  type: "object",
  required: ["name"],
  properties: { name: { type: "string", minLength: 1 }, count: { type: "integer", minimum: 0 } },
  additionalProperties: false,
};

export const transformSteps = (n = 3) =>
  Array.from({ length: n }, (_, i) => ({
    key: `t${i + 1}`,
    type: "TRANSFORM",
    config: { output: { greeting: { $template: "Hello {{/input/name}}" }, step: i + 1 } },
  }));

const CREATE_WORKFLOW = `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id workspaceId } } }`;

export async function createWorkflow(
  subgraph: WorkflowsSubgraph,
  who: Identity,
  fields: { steps?: unknown[]; inputSchema?: unknown; workspaceId?: string; name?: string } = {},
) {
  const data = await subgraph.ok(who, CREATE_WORKFLOW, {
    input: {
      workspaceId: fields.workspaceId ?? randomUUID(),
      name: fields.name ?? `wf-${randomUUID().slice(0, 8)}`,
      inputSchema: fields.inputSchema ?? NAME_SCHEMA,
      steps: fields.steps ?? transformSteps(),
    },
  });
  return data.createWorkflow.workflow as { id: string; workspaceId: string };
}

export const START_RUN = `mutation($input: StartWorkflowRunInput!) {
  startWorkflowRun(input: $input) { run { id status workspaceId } } }`;

export async function startRun(
  subgraph: WorkflowsSubgraph,
  who: Identity,
  workflowId: string,
  input: unknown = { name: "Ada" },
  idempotencyKey?: string,
) {
  const data = await subgraph.ok(who, START_RUN, { input: { workflowId, input, idempotencyKey } });
  return data.startWorkflowRun.run as { id: string; status: string; workspaceId: string };
}

export const RUN = `query($id: ID!) { workflowRun(id: $id) {
  id status output error retryCount durationMs startedAt finishedAt currentStepPosition
  startedBy { id }
  stepRuns { stepKey status attempts input output error durationMs }
} }`;

export async function runOf(subgraph: WorkflowsSubgraph, who: Identity, id: string) {
  return (await subgraph.ok(who, RUN, { id })).workflowRun;
}

export function waitForStatus(
  subgraph: WorkflowsSubgraph,
  who: Identity,
  id: string,
  status: string,
  timeoutMs = 15_000,
) {
  return waitFor(async () => {
    const run = await runOf(subgraph, who, id);
    return run?.status === status ? run : null;
  }, timeoutMs);
}

export const EVENTS = `query($runId: ID!, $after: Int) { workflowRunEvents(runId: $runId, afterSequence: $after) {
  sequence type status stepKey at run { id status } } }`;
