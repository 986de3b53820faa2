import { randomUUID } from "node:crypto";
import { signIdentity } from "@atelier/testing";
import type { createKnowledgeService } from "../../subgraphs/knowledge/src/server";

type KnowledgeService = Awaited<ReturnType<typeof createKnowledgeService>>;

const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`;

export interface IngestionFigures {
  documents: number;
  megabytes: number;
  chunks: number;
  seconds: number;
  /** Of which creating the documents (the API's share, while the worker already runs). */
  createSeconds: number;
  /** CPU this process (service and worker) spent, user + system: what a busy machine does not inflate. */
  cpuSeconds: number;
}

/**
 * Ingests the documents through the real pipeline (GraphQL create → job queue → parse → chunk →
 * embed → write → READY) in a fresh tenant, creating `inFlight` at a time as several clients
 * would, and times it from the first create to the last READY.
 */
export async function ingestionThroughput(
  service: KnowledgeService,
  docs: { title: string; mimeType: string; text: string }[],
  inFlight = 8,
): Promise<IngestionFigures> {
  const tenantId = randomUUID();
  const header = await signIdentity({
    kind: "user",
    userId: randomUUID(),
    tenantId,
    role: "EDITOR",
    sessionId: null,
    scopes: [],
  });
  const workspaceId = randomUUID();
  const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (let i = next++; i < docs.length; i = next++) {
        const response = await fetch(service.url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-atelier-identity": header },
          body: JSON.stringify({ query: CREATE, variables: { input: { workspaceId, ...docs[i]! } } }),
        });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
      }
    }),
  );
  const createSeconds = (performance.now() - started) / 1000;
  for (;;) {
    const rows = await service.services.db.document.groupBy({ by: ["status"], _count: true, where: { tenantId } });
    if ((rows.find((r) => r.status === "READY")?._count ?? 0) === docs.length) break;
    if (rows.some((r) => r.status === "FAILED")) throw new Error("ingestion failed");
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const chunks = await service.services.db.semanticChunk.count({ where: { tenantId } });
  return { documents: docs.length, megabytes: bytes / 1e6, chunks, seconds, createSeconds, cpuSeconds };
}
