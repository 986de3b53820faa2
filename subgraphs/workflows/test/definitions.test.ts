import { randomUUID } from "node:crypto";
import { newTenantUser } from "@atelier/testing";
import pg from "pg";
import { describe, expect } from "vitest";
import { workflowsTest as test, type WorkflowsSubgraph } from "./fixture";
import { NAME_SCHEMA, transformSteps } from "./workflow-runs";

let h: WorkflowsSubgraph;
let systemTemplateId: string;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
  const client = new pg.Client({ connectionString: h.db.url });
  await client.connect();
  const { rows } = await client.query(
    `INSERT INTO workflows."WorkflowTemplate" (id, name, description, "businessArea", complexity, version, "inputSchema", steps, "updatedAt")
     VALUES (gen_random_uuid(), 'Greeting', 'Greets the named person', 'MARKETING', 'BEGINNER', '1.0.0', $1, $2, now()) RETURNING id`,
    [JSON.stringify(NAME_SCHEMA), JSON.stringify(transformSteps(1))],
  );
  systemTemplateId = rows[0].id;
  await client.end();
});

const CREATE_TEMPLATE = `mutation($input: CreateWorkflowTemplateInput!) { createWorkflowTemplate(input: $input) { template { id name version isSystem tags steps { key type } } } }`;
const UPDATE_TEMPLATE = `mutation($input: UpdateWorkflowTemplateInput!) { updateWorkflowTemplate(input: $input) { template { id version isActive } } }`;
const TEMPLATES = `query { workflowTemplates { edges { node { id name isSystem } } } }`;
const CREATE_WORKFLOW = `mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) { workflow { id name status template { id } steps { key type config } inputSchema } } }`;
const UPDATE_WORKFLOW = `mutation($input: UpdateWorkflowInput!) { updateWorkflow(input: $input) { workflow { id status steps { key } } } }`;

const template = (overrides: Record<string, unknown> = {}) => ({
  name: "Lead follow-up",
  description: "Writes a follow-up e-mail for a lead",
  businessArea: "SALES",
  complexity: "INTERMEDIATE",
  tags: ["sales", "email"],
  version: "1.2.0",
  inputSchema: NAME_SCHEMA,
  steps: transformSteps(2),
  ...overrides,
});

describe("templates", () => {
  test("creates a tenant template visible beside the system catalog, not to other tenants", async () => {
    const alice = newTenantUser();
    const created = (await h.ok(alice, CREATE_TEMPLATE, { input: template() })).createWorkflowTemplate.template;
    expect(created).toMatchObject({
      version: "1.2.0",
      isSystem: false,
      steps: [
        { key: "t1", type: "TRANSFORM" },
        { key: "t2", type: "TRANSFORM" },
      ],
    });
    const mine = (await h.ok(alice, TEMPLATES)).workflowTemplates.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(mine).toEqual(expect.arrayContaining([systemTemplateId, created.id]));
    const bob = newTenantUser();
    const theirs = (await h.ok(bob, TEMPLATES)).workflowTemplates.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(theirs).toContain(systemTemplateId);
    expect(theirs).not.toContain(created.id);
    expect(
      (await h.ok(bob, `query($id: ID!) { workflowTemplate(id: $id) { id } }`, { id: created.id })).workflowTemplate,
    ).toBeNull();
    expect(await h.errorCode(bob, UPDATE_TEMPLATE, { input: { id: created.id, version: "2.0.0" } })).toBe("NOT_FOUND");
  });

  test("refuses an input schema that is not a valid JSON Schema", async () => {
    const result = await h.gql(newTenantUser(), CREATE_TEMPLATE, {
      input: template({ inputSchema: { type: "no-such-type" } }),
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("inputSchema");
  });

  test("refuses a version that is not semver, naming the field", async () => {
    const result = await h.gql(newTenantUser(), CREATE_TEMPLATE, { input: template({ version: "v1" }) });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("version");
  });

  test("refuses changes to a system template", async () => {
    expect(
      await h.errorCode(newTenantUser(), UPDATE_TEMPLATE, {
        input: { id: systemTemplateId, isActive: false },
      }),
    ).toBe("NOT_FOUND");
  });

  test("retires a tenant template", async () => {
    const alice = newTenantUser();
    const created = (await h.ok(alice, CREATE_TEMPLATE, { input: template() })).createWorkflowTemplate.template;
    const updated = await h.ok(alice, UPDATE_TEMPLATE, {
      input: { id: created.id, isActive: false, version: "1.3.0" },
    });
    expect(updated.updateWorkflowTemplate.template).toMatchObject({ isActive: false, version: "1.3.0" });
  });
});

describe("workflows", () => {
  test("creates a workflow from a system template, copying its schema and steps", async () => {
    const alice = newTenantUser();
    const wf = (
      await h.ok(alice, CREATE_WORKFLOW, {
        input: { workspaceId: randomUUID(), name: "From catalog", templateId: systemTemplateId },
      })
    ).createWorkflow.workflow;
    expect(wf.template).toEqual({ id: systemTemplateId });
    expect(wf.inputSchema).toEqual(NAME_SCHEMA);
    expect(wf.steps.map((s: { key: string }) => s.key)).toEqual(["t1"]);
  });

  test("refuses a step config that does not fit its type, naming the step", async () => {
    const result = await h.gql(newTenantUser(), CREATE_WORKFLOW, {
      input: {
        workspaceId: randomUUID(),
        name: "bad",
        inputSchema: NAME_SCHEMA,
        steps: [{ key: "wait", type: "DELAY", config: { seconds: -1 } }],
      },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("steps.0.config.seconds");
  });

  test("refuses gateway step types while the gateway is not configured, saying what to set", async () => {
    const result = await h.gql(newTenantUser(), CREATE_WORKFLOW, {
      input: {
        workspaceId: randomUUID(),
        name: "search",
        inputSchema: NAME_SCHEMA,
        steps: [{ key: "s", type: "KNOWLEDGE_SEARCH", config: { query: "x" } }],
      },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(
      /steps\.0: KNOWLEDGE_SEARCH steps call the gateway.*DELEGATION_PRIVATE_KEY/,
    );
  });

  test("refuses duplicate step keys and a workflow without steps", async () => {
    const dup = [transformSteps(1)[0], transformSteps(1)[0]];
    const who = newTenantUser();
    const base = { workspaceId: randomUUID(), name: "dup", inputSchema: NAME_SCHEMA };
    expect(await h.errorCode(who, CREATE_WORKFLOW, { input: { ...base, steps: dup } })).toBe("BAD_USER_INPUT");
    expect(await h.errorCode(who, CREATE_WORKFLOW, { input: { ...base, steps: [] } })).toBe("BAD_USER_INPUT");
  });

  test("archives a workflow, which then refuses new runs with CONFLICT", async () => {
    const alice = newTenantUser();
    const wf = (
      await h.ok(alice, CREATE_WORKFLOW, {
        input: { workspaceId: randomUUID(), name: "Archive me", inputSchema: NAME_SCHEMA, steps: transformSteps(2) },
      })
    ).createWorkflow.workflow;
    const archived = await h.ok(alice, UPDATE_WORKFLOW, {
      input: { id: wf.id, status: "ARCHIVED", steps: transformSteps(1) },
    });
    expect(archived.updateWorkflow.workflow).toMatchObject({ status: "ARCHIVED", steps: [{ key: "t1" }] });
    const START = `mutation($w: ID!) { startWorkflowRun(input: { workflowId: $w, input: { name: "x" } }) { run { id } } }`;
    expect(await h.errorCode(alice, START, { w: wf.id })).toBe("CONFLICT");
  });

  test("refuses a VIEWER creating a workflow", async () => {
    const viewer = newTenantUser("VIEWER");
    const input = { workspaceId: randomUUID(), name: "nope", inputSchema: NAME_SCHEMA, steps: transformSteps(1) };
    expect(await h.errorCode(viewer, CREATE_WORKFLOW, { input })).toBe("FORBIDDEN");
  });
});
