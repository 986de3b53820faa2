import { BadUserInputError } from "@atelier/subgraph-kit";
import type { Db } from "../data/db";

/**
 * A project may enter production only when every required external link of its workspace
 * (Drive folder, model repository …) has a URL.
 */
export async function assertProductionReady(tx: Db, tenantId: string, workspaceId: string): Promise<void> {
  const missing = await tx.workspaceLink.findMany({
    where: { tenantId, workspaceId, required: true, OR: [{ url: null }, { url: "" }] },
    orderBy: { position: "asc" },
  });
  if (missing.length === 0) return;
  const kinds = missing.map((link) => link.label ?? link.kind).join(", ");
  throw new BadUserInputError(
    `The project cannot enter production: its workspace is missing required links (${kinds}). Add their URLs with updateWorkspace first.`,
    { reason: "MISSING_REQUIRED_LINKS", missingLinks: missing.map((l) => l.kind) },
  );
}
