import { randomBytes } from "node:crypto";
import { ok, signUp } from "../../test/support/client";

export type Role = "VIEWER" | "EDITOR" | "ADMIN" | "OWNER";

/** A tenant seeded through the real API: a token per role and the ids of what it holds, by kind. */
export interface SeededTenant {
  tenantId: string;
  slug: string;
  ownerEmail: string;
  /** In every name and text this tenant holds, so a leak of its data is recognisable. */
  marker: string;
  tokens: Record<Role, string>;
  memberships: Record<Role, string>;
  ids: Record<string, string>;
}

async function member(url: string, owner: { token: string }, slug: string, tenantId: string, role: Role) {
  const user = await signUp(url, `${role.toLowerCase()}-member`);
  const asked = await ok(
    url,
    `mutation($i: RequestToJoinTenantInput!) { requestToJoinTenant(input: $i) { membership { id } } }`,
    { i: { tenantSlug: slug } },
    user.token,
  );
  const membershipId = asked.requestToJoinTenant.membership.id as string;
  await ok(
    url,
    `mutation($i: ApproveMembershipInput!) { approveMembership(input: $i) { membership { id } } }`,
    { i: { membershipId, role } },
    owner.token,
  );
  const switched = await ok(
    url,
    `mutation($i: SwitchTenantInput!) { switchTenant(input: $i) { accessToken } }`,
    { i: { tenantId } },
    user.token,
  );
  return { token: switched.switchTenant.accessToken as string, membershipId, userId: user.user.id };
}

/** Signs up an owner, adds a member of each role and creates one of each kind of thing. */
export async function seedTenant(url: string, label: string): Promise<SeededTenant> {
  const marker = `${label}-${randomBytes(4).toString("hex")}`;
  const owner = await signUp(url, marker);
  const tenant = await ok(url, "{ currentTenant { id slug } myMemberships { id role } }", {}, owner.token);
  const slug = tenant.currentTenant.slug as string;
  const as = (query: string, variables: Record<string, unknown>) => ok(url, query, variables, owner.token);
  await as(`mutation($i: UpdateTenantInput!) { updateTenant(input: $i) { tenant { id } } }`, {
    i: { crmId: `crm-${marker}`, contactPhone: `+1 555 ${marker}`, settings: { secret: marker } },
  });
  const workspace = await as(
    `mutation($i: CreateWorkspaceInput!) { createWorkspace(input: $i) { workspace { id } } }`,
    {
      i: { name: `Workspace ${marker}` },
    },
  );
  const workspaceId = workspace.createWorkspace.workspace.id as string;
  const project = await as(`mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }`, {
    i: { workspaceId, name: `Project ${marker}` },
  });
  const document = await as(`mutation($i: CreateDocumentInput!) { createDocument(input: $i) { document { id } } }`, {
    i: { workspaceId, title: `Document ${marker}`, mimeType: "text/plain", text: `Secret notes ${marker}` },
  });
  const workflow = await as(`mutation($i: CreateWorkflowInput!) { createWorkflow(input: $i) { workflow { id } } }`, {
    i: {
      workspaceId,
      name: `Workflow ${marker}`,
      inputSchema: { type: "object" },
      steps: [{ key: "echo", type: "TRANSFORM", config: { output: { said: marker } } }],
    },
  });
  const workflowId = workflow.createWorkflow.workflow.id as string;
  const run = await as(`mutation($i: StartWorkflowRunInput!) { startWorkflowRun(input: $i) { run { id } } }`, {
    i: { workflowId, input: {} },
  });
  const board = await as(`mutation($i: CreateKanbanBoardInput!) { createKanbanBoard(input: $i) { board { id } } }`, {
    i: { workspaceId, name: `Board ${marker}` },
  });
  const team = await as(`mutation($i: CreateTeamInput!) { createTeam(input: $i) { team { id } } }`, {
    i: { name: `Team ${marker}` },
  });
  const client = await as(
    `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { apiKey apiClient { id } } }`,
    { i: { name: `Client ${marker}`, scopes: ["creative:read"] } },
  );
  const ownerMembership = (tenant.myMemberships as { id: string; role: string }[])[0]!.id;
  const roles = {
    VIEWER: await member(url, owner, slug, owner.tenantId, "VIEWER"),
    EDITOR: await member(url, owner, slug, owner.tenantId, "EDITOR"),
    ADMIN: await member(url, owner, slug, owner.tenantId, "ADMIN"),
  };
  return {
    tenantId: owner.tenantId,
    slug,
    ownerEmail: owner.user.email,
    marker,
    tokens: { OWNER: owner.token, VIEWER: roles.VIEWER.token, EDITOR: roles.EDITOR.token, ADMIN: roles.ADMIN.token },
    memberships: {
      OWNER: ownerMembership,
      VIEWER: roles.VIEWER.membershipId,
      EDITOR: roles.EDITOR.membershipId,
      ADMIN: roles.ADMIN.membershipId,
    },
    ids: {
      tenant: owner.tenantId,
      user: owner.user.id,
      workspace: workspaceId,
      project: project.createProject.project.id,
      document: document.createDocument.document.id,
      workflow: workflowId,
      run: run.startWorkflowRun.run.id,
      board: board.createKanbanBoard.board.id,
      team: team.createTeam.team.id,
      apiClient: client.createApiClient.apiClient.id,
      membership: roles.VIEWER.membershipId,
    },
  };
}
