import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createDelegationVerifier, type Delegation } from "@atelier/internal-auth";

/** The root field each operation the steps send must be allowed by its delegation. */
const ROOT_FIELD: Record<string, string> = {
  WorkflowKnowledgeSearch: "Query.semanticSearch",
  WorkflowCreateGeneration: "Mutation.createGenerationRequest",
  WorkflowReadGeneration: "Query.generationRequest",
  WorkflowSelectSample: "Mutation.selectGenerationSample",
  WorkflowCancelGeneration: "Mutation.cancelGenerationRequest",
  WorkspaceReference: "Query.workspace",
};

export interface GatewayCall {
  operationName: string;
  delegation: Delegation;
  variables: Record<string, unknown>;
}

interface FakeRequest {
  id: string;
  status: string;
  errorMessage: string | null;
  samples: { id: string }[];
  selectedSample: { id: string } | null;
  finalAsset: { id: string; name: string; mimeType: string; resolution: string } | null;
  creditsCostSample: number;
  creditsCostFinal: number;
}

/**
 * A stand-in for the gateway over real HTTP: it verifies each delegation with the workflows
 * public key, holds it to the operation's root field, and plays knowledge and creative with
 * in-memory state. A generation moves one phase per read; "reject" in a prompt is refused,
 * "stuck" never finishes. `outages` answers that many calls 503; `revoked` users are refused.
 */
export async function startFakeGateway(workflowsPublicKey: string) {
  const verifier = createDelegationVerifier({ workflows: workflowsPublicKey });
  const calls: GatewayCall[] = [];
  const requests = new Map<string, FakeRequest>();
  const byKey = new Map<string, string>();
  /** Workspaces creative does not show the actor (another tenant's, or none): every other id exists. */
  const state = { outages: 0, revoked: new Set<string>(), hiddenWorkspaces: new Set<string>() };

  function generation(op: string, v: Record<string, unknown>): unknown {
    const input = (v.input ?? {}) as Record<string, string>;
    if (op === "WorkflowCreateGeneration") {
      const known = byKey.get(input.idempotencyKey!);
      if (known) return { createGenerationRequest: { generationRequest: requests.get(known) } };
      const rejected = input.prompt!.includes("reject");
      const request: FakeRequest = {
        id: randomUUID(),
        status: rejected ? "CONTENT_REJECTED" : "PROCESSING_SAMPLES",
        errorMessage: rejected ? "The prompt names something this deployment refuses." : null,
        samples: [],
        selectedSample: null,
        finalAsset: null,
        creditsCostSample: rejected ? 0 : 4,
        creditsCostFinal: 10,
      };
      if (input.prompt!.includes("stuck")) request.status = "PENDING";
      requests.set(request.id, request);
      byKey.set(input.idempotencyKey!, request.id);
      return { createGenerationRequest: { generationRequest: request } };
    }
    const request = requests.get((v.id as string) ?? input.generationRequestId!);
    if (op === "WorkflowReadGeneration") {
      if (request?.status === "PROCESSING_SAMPLES") {
        Object.assign(request, { status: "AWAITING_SELECTION", samples: [{ id: randomUUID() }, { id: randomUUID() }] });
      } else if (request?.status === "PROCESSING_FINAL") {
        const finalAsset = { id: randomUUID(), name: "final.png", mimeType: "image/png", resolution: "512x512" };
        Object.assign(request, { status: "COMPLETED", finalAsset });
      }
      return { generationRequest: request ?? null };
    }
    if (op === "WorkflowSelectSample") {
      if (request?.status !== "AWAITING_SELECTION")
        throw Object.assign(new Error("not awaiting"), { code: "CONFLICT" });
      Object.assign(request, { status: "PROCESSING_FINAL", selectedSample: { id: input.sampleAssetId } });
      return { selectGenerationSample: { generationRequest: request } };
    }
    Object.assign(request!, { status: "CANCELLED" });
    return { cancelGenerationRequest: { generationRequest: request } };
  }

  function search(v: Record<string, unknown>) {
    const input = v.input as { query: string; limit: number };
    return {
      semanticSearch: Array.from({ length: Math.min(2, input.limit) }, (_, i) => ({
        score: 0.9 - i / 10,
        chunk: { id: randomUUID(), text: `passage ${i} about ${input.query}`, index: i },
        document: { id: `doc-${i}`, title: `Doc ${i}`, mimeType: "text/markdown" },
      })),
    };
  }

  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", async () => {
      const send = (status: number, body: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      const error = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });
      const { operationName, variables = {} } = JSON.parse(text);
      // Outages stand for the steps' subgraphs; the workspace check at definition time is not one.
      if (state.outages > 0 && operationName !== "WorkspaceReference") {
        state.outages--;
        return send(503, error("SERVICE_UNAVAILABLE", "subgraph down"));
      }
      let delegation: Delegation;
      try {
        delegation = await verifier.verify((req.headers.authorization ?? "").replace(/^Bearer /, ""));
      } catch (e) {
        return send(401, error("UNAUTHENTICATED", (e as Error).message));
      }
      calls.push({ operationName, delegation, variables });
      if (delegation.actor.kind === "user" && state.revoked.has(delegation.actor.userId)) {
        return send(
          401,
          error("UNAUTHENTICATED", "delegation from workflows: the actor may no longer act in this tenant"),
        );
      }
      const field = ROOT_FIELD[operationName];
      if (!field || !delegation.fields.includes(field)) return send(200, error("FORBIDDEN", `not allowed: ${field}`));
      try {
        send(200, {
          data:
            operationName === "WorkspaceReference"
              ? { workspace: state.hiddenWorkspaces.has(variables.id) ? null : { id: variables.id } }
              : operationName === "WorkflowKnowledgeSearch"
                ? search(variables)
                : generation(operationName, variables),
        });
      } catch (e) {
        send(200, error((e as { code?: string }).code ?? "INTERNAL_SERVER_ERROR", (e as Error).message));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    calls,
    requests,
    state,
    callsOf: (operationName: string) => calls.filter((c) => c.operationName === operationName),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
