import { assertWorkspaceReference as assertVisible } from "@atelier/subgraph-kit";
import type { WorkflowScope } from "../scope";

/** Before a workflow, board or field points at a workspace, the actor must see it in creative (NOT_FOUND otherwise). */
export function assertWorkspaceReference(scope: WorkflowScope, workspaceId: string): Promise<void> {
  return assertVisible(scope.services.workspaceReferences, scope.actor, workspaceId, scope.services.log);
}
