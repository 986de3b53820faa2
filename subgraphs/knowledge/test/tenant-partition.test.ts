import { describe, expect, it } from "vitest";
import { TenantPartition } from "../src/vector-store/tenant-partition";

// A seeded generator: the same operations every run.
function generator(seed: number) {
  return () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

interface ModelPoint {
  documentId: string;
  workspaceId: string;
  vector: Float32Array;
  ready: boolean;
}

/** The partition after random upserts, readiness, removals, against a plain list scored naively. */
describe("TenantPartition", () => {
  it.each([5, 19, 40])("agrees with brute force through random changes (%i dimensions)", (dims) => {
    const rand = generator(dims);
    const partition = new TenantPartition(dims);
    const model = new Map<string, ModelPoint>();
    const documents = ["a", "b", "c", "d"];
    const pick = () => documents[Math.floor(rand() * documents.length)]!;
    for (let step = 0; step < 400; step++) {
      const r = rand();
      if (r < 0.55) {
        const id = `p${Math.floor(rand() * 80)}`;
        const documentId = pick();
        const workspaceId = documentId === "a" ? "w1" : "w2";
        const vector = Float32Array.from({ length: dims }, () => rand() - 0.5);
        partition.upsert({ id, tenantId: "t", documentId, workspaceId, vector });
        model.set(id, { documentId, workspaceId, vector, ready: model.get(id)?.ready ?? false });
      } else if (r < 0.75) {
        const documentId = pick();
        partition.markReady(documentId);
        for (const p of model.values()) if (p.documentId === documentId) p.ready = true;
      } else if (r < 0.9) {
        const documentId = pick();
        partition.remove(documentId);
        for (const [id, p] of model) if (p.documentId === documentId) model.delete(id);
      }
      for (const documentId of documents) {
        expect(partition.count(documentId)).toBe([...model.values()].filter((p) => p.documentId === documentId).length);
      }
      const query = Float32Array.from({ length: dims }, () => (rand() < 0.3 ? 0 : rand() - 0.5));
      const workspaceId = rand() < 0.3 ? "w1" : undefined;
      const expected = [...model]
        .filter(([, p]) => p.ready && (!workspaceId || p.workspaceId === workspaceId))
        .map(([id, p]) => ({ id, score: p.vector.reduce((sum, x, i) => sum + x * query[i]!, 0) }))
        .sort((x, y) => y.score - x.score)
        .slice(0, 7);
      const hits = partition.search(query, 7, workspaceId ? { workspaceId } : undefined);
      expect(hits.map((h) => h.score)).toEqual(expected.map((e) => expect.closeTo(e.score, 5)));
      for (const hit of hits) expect(hit.documentId).toBe(model.get(hit.id)?.documentId);
    }
    partition.remove();
    expect(partition.count()).toBe(0);
  });
});
