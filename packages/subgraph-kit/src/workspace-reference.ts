import type { DelegatedActor } from "@atelier/internal-auth";
import type { Logger } from "@atelier/logging";
import { type Actor, delegatedActorOf } from "./actor";
import { DomainError, NotFoundError } from "./errors";

/** Answers whether a workspace id (creative owns workspaces) names one the actor can see. */
export type WorkspaceCheck = (actor: DelegatedActor, workspaceId: string) => Promise<boolean>;

/**
 * A workspace id belongs to creative: before a row of another subgraph points at one, creative
 * (through the gateway, as the actor) must confirm the actor sees it. Another tenant's workspace,
 * or one that does not exist, is NOT_FOUND. Without gateway credentials (no check configured)
 * references go unchecked, as every call through the gateway is off.
 */
export async function assertWorkspaceReference(
  check: WorkspaceCheck | null | undefined,
  actor: Actor,
  workspaceId: string,
  log: Logger,
): Promise<void> {
  if (!check) return;
  let visible: boolean;
  try {
    visible = await check(delegatedActorOf(actor), workspaceId);
  } catch (error) {
    log.warn({ err: error, workspaceId }, "checking a workspace reference through the gateway failed");
    const retry = (error as { retryable?: boolean }).retryable ? " Try again shortly." : "";
    throw new DomainError("SERVICE_UNAVAILABLE", `The workspace could not be checked.${retry}`);
  }
  if (!visible) throw new NotFoundError("No workspace with that id in your tenant.");
}
