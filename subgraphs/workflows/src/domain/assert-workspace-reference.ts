import { GatewayRequestError } from "@atelier/gateway-client";
import { DomainError, delegatedActorOf, NotFoundError } from "@atelier/subgraph-kit";
import type { WorkflowScope } from "../scope";

/**
 * A workspace id belongs to creative: before a workflow, board or field points at one, creative
 * (through the gateway, as the actor) must confirm the actor sees it. Another tenant's workspace,
 * or one that does not exist, is NOT_FOUND. Without gateway credentials (DELEGATION_PRIVATE_KEY)
 * references go unchecked, as every call through the gateway is off.
 */
export async function assertWorkspaceReference(scope: WorkflowScope, workspaceId: string): Promise<void> {
  const { services } = scope;
  const check = services.workspaceReferences;
  if (!check) return;
  let visible: boolean;
  try {
    visible = await check(delegatedActorOf(scope.actor), workspaceId);
  } catch (error) {
    services.log.warn({ err: error, workspaceId }, "checking a workspace reference through the gateway failed");
    const retry = error instanceof GatewayRequestError && error.retryable ? " Try again shortly." : "";
    throw new DomainError("SERVICE_UNAVAILABLE", `The workspace could not be checked.${retry}`);
  }
  if (!visible) throw new NotFoundError("No workspace with that id in your tenant.");
}
