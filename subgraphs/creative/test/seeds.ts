import { randomUUID } from "node:crypto";
import type { Identity } from "@atelier/internal-auth";
import { systemIdentity } from "@atelier/testing";
import type { CreativeSubgraph } from "./fixture";

export const billing: Identity = systemIdentity("billing");

export async function grant(creative: CreativeSubgraph, tenantId: string, amount: number) {
  await creative.ok(billing, `mutation($i: GrantCreditsInput!) { grantCredits(input: $i) { balance } }`, {
    i: { tenantId, amount },
  });
}

export async function makeWorkspace(
  creative: CreativeSubgraph,
  who: Identity,
  name = `ws-${randomUUID().slice(0, 8)}`,
  links: unknown[] = [],
) {
  const data = await creative.ok<{ createWorkspace: { workspace: { id: string } } }>(
    who,
    `mutation($i: CreateWorkspaceInput!) { createWorkspace(input: $i) { workspace { id } } }`,
    { i: { name, links } },
  );
  return data.createWorkspace.workspace.id;
}

export async function makeProject(
  creative: CreativeSubgraph,
  who: Identity,
  workspaceId: string,
  extra: Record<string, unknown> = {},
) {
  const data = await creative.ok<{ createProject: { project: { id: string } } }>(
    who,
    `mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }`,
    { i: { workspaceId, name: "Spring campaign", ...extra } },
  );
  return data.createProject.project.id;
}
