import { assertWorkspaceReference as assertVisible } from "@atelier/subgraph-kit";
import type { RequestScope } from "../scope";

/** Before a document points at a workspace, the actor must see it in creative (NOT_FOUND otherwise). */
export function assertWorkspaceReference(scope: RequestScope, workspaceId: string): Promise<void> {
  return assertVisible(scope.services.workspaceReferences, scope.actor, workspaceId, scope.log);
}
