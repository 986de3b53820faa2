import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, signUp } from "./support/client";
import { grantCredits } from "./support/credits";
import { type Stack, startStack } from "./support/stack";

const CREATE_WORKSPACE = `mutation($input: CreateWorkspaceInput!) { createWorkspace(input: $input) { workspace { id } } }`;
const CREATE_DOCUMENT = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`;
const DOCUMENT = `query($id: ID!) { document(id: $id) { status error } }`;
const CREATE_WORKFLOW = `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id } } }`;
const START_RUN = `mutation($input: StartWorkflowRunInput!) { startWorkflowRun(input: $input) { run { id } } }`;
const RUN = `query($id: ID!) { workflowRun(id: $id) { status error output stepRuns { stepKey status output error } } }`;
const RESUME = `mutation($runId: ID!) { resumeWorkflowRun(input: { runId: $runId }) { run { status } } }`;
const GENERATION = `query($id: ID!) { generationRequest(id: $id) { status requestedBy { id } finalAsset { id mimeType } } }`;
const CREDITS = `{ credits { balance } }`;
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { membership { id } } }`;
const ACCEPT = `mutation($input: InvitationInput!) { acceptInvitation(input: $input) { membership { id } } }`;
const SWITCH = `mutation($input: SwitchTenantInput!) { switchTenant(input: $input) { accessToken } }`;
const REVOKE = `mutation($input: MembershipIdInput!) { revokeMembership(input: $input) { membership { status } } }`;

const SAMPLE_COST = 4;
const FINAL_COST = 10;

describe("workflow steps that call knowledge and creative through the gateway as the run's user", () => {
  let stack: Stack;
  let url: string;
  beforeAll(async () => {
    stack = await startStack();
    url = stack.url();
  });
  afterAll(() => stack.close());

  const runOf = async (token: string, id: string) => (await ok(url, RUN, { id }, token)).workflowRun;
  async function finished(token: string, runId: string) {
    await expect
      .poll(async () => (await runOf(token, runId)).status, { timeout: 60_000, interval: 250 })
      .toMatch(/^(SUCCEEDED|FAILED)$/);
    return runOf(token, runId);
  }
  /** Defines the workflow as `definedBy` (default: the starter) and starts a run as `token`'s user. */
  async function startWorkflow(
    token: string,
    workspaceId: string,
    steps: unknown[],
    input: unknown,
    definedBy = token,
  ) {
    const inputSchema = { type: "object", properties: { topic: { type: "string" } } };
    const wf = await ok(
      url,
      CREATE_WORKFLOW,
      { input: { workspaceId, name: `wf ${Math.random()}`, inputSchema, steps } },
      definedBy,
    );
    const workflowId = wf.createWorkflow.workflow.id;
    return (await ok(url, START_RUN, { input: { workflowId, input } }, token)).startWorkflowRun.run.id as string;
  }

  it("searches the workspace's documents, then generates a poster charged once, all as the starter", async () => {
    const owner = await signUp(url, "Steps");
    await grantCredits(stack, owner.tenantId, 100);
    const workspaceId = (await ok(url, CREATE_WORKSPACE, { input: { name: "Harbour" } }, owner.token)).createWorkspace
      .workspace.id;
    const otherWorkspace = (await ok(url, CREATE_WORKSPACE, { input: { name: "Elsewhere" } }, owner.token))
      .createWorkspace.workspace.id;
    const doc = async (ws: string, title: string, text: string) => {
      const input = { workspaceId: ws, title, mimeType: "text/markdown", text };
      const id = (await ok(url, CREATE_DOCUMENT, { input }, owner.token)).createDocument.document.id as string;
      await expect
        .poll(async () => (await ok(url, DOCUMENT, { id }, owner.token)).document, { timeout: 60_000 })
        .toMatchObject({ status: "READY" });
      return id;
    };
    const guide = await doc(
      workspaceId,
      "Lighthouse guide",
      "# Lighthouses\n\nThe lighthouse keeper lights the lamp at dusk.",
    );
    await doc(otherWorkspace, "Other lighthouse", "A lighthouse in another workspace, never to be found.");

    const runId = await startWorkflow(
      owner.token,
      workspaceId,
      [
        {
          key: "find",
          type: "KNOWLEDGE_SEARCH",
          config: { query: "{{/input/topic}} keeper", mode: "KEYWORD", limit: 5 },
        },
        {
          key: "render",
          type: "GENERATION_REQUEST",
          config: { prompt: "A poster: {{/steps/find/results/0/title}}", seed: 3, selection: "FIRST_SAMPLE" },
        },
      ],
      { topic: "lighthouse" },
    );
    const run = await finished(owner.token, runId);
    expect(run.error).toBeNull();
    const find = run.stepRuns.find((s: { stepKey: string }) => s.stepKey === "find").output;
    expect(find.results.map((r: { documentId: string }) => r.documentId)).toEqual([guide]);
    expect(find.results[0]).toMatchObject({ title: "Lighthouse guide", text: expect.stringContaining("keeper") });
    const render = run.output;
    expect(render).toMatchObject({ status: "COMPLETED", finalAsset: { mimeType: "image/png" } });

    const generation = (await ok(url, GENERATION, { id: render.generationRequestId }, owner.token)).generationRequest;
    expect(generation).toMatchObject({ status: "COMPLETED", requestedBy: { id: owner.user.id } });
    expect((await ok(url, CREDITS, {}, owner.token)).credits.balance).toBe(100 - SAMPLE_COST - FINAL_COST);
  });

  it("fails a gateway step once its starter has left the tenant", async () => {
    const owner = await signUp(url, "Owner");
    const member = await signUp(url, "Member");
    // Invitations need a verified e-mail; mail delivery is not what this test is about.
    const sql = new pg.Client({ connectionString: stack.db.url });
    await sql.connect();
    await sql.query(`UPDATE identity.users SET "emailVerifiedAt" = now() WHERE id = $1`, [member.user.id]);
    await sql.end();
    const invited = await ok(url, INVITE, { input: { email: member.user.email, role: "EDITOR" } }, owner.token);
    const membershipId = invited.inviteMember.membership.id;
    await ok(url, ACCEPT, { input: { membershipId } }, member.token);
    const memberToken = (await ok(url, SWITCH, { input: { tenantId: owner.tenantId } }, member.token)).switchTenant
      .accessToken as string;
    const workspaceId = (await ok(url, CREATE_WORKSPACE, { input: { name: "Shared" } }, owner.token)).createWorkspace
      .workspace.id;
    // The member starts a run (of the owner's workflow) that pauses for approval; the owner removes
    // them, then approves. Defining it as the owner keeps the member's first call through the
    // gateway after the removal: the gateway remembers a delegated actor's role for up to 10 s.
    const runId = await startWorkflow(
      memberToken,
      workspaceId,
      [
        { key: "review", type: "APPROVAL", config: {} },
        { key: "find", type: "KNOWLEDGE_SEARCH", config: { query: "anything" } },
      ],
      {},
      owner.token,
    );
    await expect.poll(async () => (await runOf(owner.token, runId)).status, { timeout: 30_000 }).toBe("PAUSED");
    await ok(url, REVOKE, { input: { membershipId } }, owner.token);
    await ok(url, RESUME, { runId }, owner.token);
    const run = await finished(owner.token, runId);
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatch(/step find failed: knowledge search failed: UNAUTHENTICATED/);
  });
});
