import type { ScopedTx } from "@atelier/db";
import { BadUserInputError } from "@atelier/subgraph-kit";
import type { Db } from "../data/db";
import { createWorkspaceStore } from "../data/workspace-store";

/**
 * A project may enter production only when every required external link of its workspace
 * (Drive folder, model repository …) has a URL.
 */
export async function assertProductionReady(tx: ScopedTx<Db>, workspaceId: string): Promise<void> {
  const missing = await createWorkspaceStore(tx).missingRequiredLinks(workspaceId);
  if (missing.length === 0) return;
  const kinds = missing.map((link) => link.label ?? link.kind).join(", ");
  throw new BadUserInputError(
    `The project cannot enter production: its workspace is missing required links (${kinds}). Add their URLs with updateWorkspace first.`,
    { reason: "MISSING_REQUIRED_LINKS", missingLinks: missing.map((l) => l.kind) },
  );
}
