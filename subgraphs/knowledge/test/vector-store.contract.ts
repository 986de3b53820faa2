import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normalize } from "../src/embedding/embedder";
import { chunkTerms, queryTerms } from "../src/lexical/bm25";
import type { VectorPoint, VectorStore } from "../src/vector-store/vector-store";

const DIMS = 8;

function unit(...values: number[]): Float32Array {
  const v = new Float32Array(DIMS);
  values.forEach((x, i) => {
    v[i] = x;
  });
  return normalize(v);
}

function point(
  tenantId: string,
  documentId: string,
  vector: Float32Array,
  workspaceId = randomUUID(),
  text = "",
  title = "",
): VectorPoint {
  return { id: randomUUID(), tenantId, documentId, workspaceId, vector, terms: chunkTerms(title, text) };
}

/** The behaviour every VectorStore must have; run by one test file per store. */
export function vectorStoreContract(name: string, makeStore: () => Promise<VectorStore>): void {
  describe(`VectorStore contract: ${name}`, () => {
    let store: VectorStore;
    let collection: string;
    beforeAll(async () => {
      store = await makeStore();
      collection = `contract_${randomUUID().slice(0, 8)}`;
      await store.ensureCollection(collection, DIMS, { m: 16, efConstruct: 64 });
    });
    afterAll(async () => {
      await store?.close();
    });

    it("finds the nearest ready vector first, by cosine similarity", async () => {
      const tenant = randomUUID();
      const doc = randomUUID();
      const near = point(tenant, doc, unit(1, 0.1));
      const far = point(tenant, doc, unit(0, 1));
      await store.upsert(collection, [near, far]);
      await store.markReady(collection, { tenantId: tenant, documentId: doc });
      const hits = await store.search(collection, unit(1, 0), { tenantId: tenant, limit: 2 });
      expect(hits.map((h) => h.id)).toEqual([near.id, far.id]);
      expect(hits[0]!.score).toBeGreaterThan(0.99);
      expect(hits[0]!.documentId).toBe(doc);
    });

    it("never returns another tenant's vectors, even the closest ones", async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      const docA = randomUUID();
      const docB = randomUUID();
      await store.upsert(collection, [point(a, docA, unit(0, 0, 1)), point(b, docB, unit(0, 0, 0.2, 1))]);
      await store.markReady(collection, { tenantId: a, documentId: docA });
      await store.markReady(collection, { tenantId: b, documentId: docB });
      const hits = await store.search(collection, unit(0, 0, 1), { tenantId: b, limit: 10 });
      expect(hits.map((h) => h.documentId)).toEqual([docB]);
    });

    it("keeps staged vectors out of searches until their document is ready", async () => {
      const tenant = randomUUID();
      const doc = randomUUID();
      await store.upsert(collection, [point(tenant, doc, unit(0, 0, 0, 1))]);
      expect(await store.search(collection, unit(0, 0, 0, 1), { tenantId: tenant, limit: 5 })).toEqual([]);
      expect(await store.count(collection, { tenantId: tenant, documentId: doc })).toBe(1);
      await store.markReady(collection, { tenantId: tenant, documentId: doc });
      expect(await store.search(collection, unit(0, 0, 0, 1), { tenantId: tenant, limit: 5 })).toHaveLength(1);
    });

    it("filters by workspace and by document inside the query", async () => {
      const tenant = randomUUID();
      const [doc1, doc2] = [randomUUID(), randomUUID()];
      const ws = randomUUID();
      await store.upsert(collection, [point(tenant, doc1, unit(1, 1), ws), point(tenant, doc2, unit(1, 0.9))]);
      for (const d of [doc1, doc2]) await store.markReady(collection, { tenantId: tenant, documentId: d });
      const inWs = await store.search(collection, unit(1, 1), {
        tenantId: tenant,
        limit: 5,
        filter: { workspaceId: ws },
      });
      expect(inWs.map((h) => h.documentId)).toEqual([doc1]);
      const byDoc = await store.search(collection, unit(1, 1), {
        tenantId: tenant,
        limit: 5,
        filter: { documentIds: [doc2] },
      });
      expect(byDoc.map((h) => h.documentId)).toEqual([doc2]);
      expect(
        await store.search(collection, unit(1, 1), { tenantId: tenant, limit: 5, filter: { documentIds: [] } }),
      ).toEqual([]);
    });

    it("upserts by id: writing a point again replaces it", async () => {
      const tenant = randomUUID();
      const doc = randomUUID();
      const p = point(tenant, doc, unit(1));
      await store.upsert(collection, [p]);
      await store.upsert(collection, [{ ...p, vector: unit(0, 1) }]);
      await store.markReady(collection, { tenantId: tenant, documentId: doc });
      expect(await store.count(collection, { tenantId: tenant, documentId: doc })).toBe(1);
      const [hit] = await store.search(collection, unit(0, 1), { tenantId: tenant, limit: 1 });
      expect(hit!.score).toBeGreaterThan(0.99);
    });

    it("deletes one document's vectors by filter and leaves the rest", async () => {
      const tenant = randomUUID();
      const [gone, kept] = [randomUUID(), randomUUID()];
      const batch = Array.from({ length: 300 }, (_, i) => point(tenant, i % 2 ? gone : kept, unit(1, i / 300, 0.5)));
      await store.upsert(collection, batch);
      await store.deleteByFilter(collection, { tenantId: tenant, documentId: gone });
      expect(await store.count(collection, { tenantId: tenant, documentId: gone })).toBe(0);
      expect(await store.count(collection, { tenantId: tenant, documentId: kept })).toBe(150);
      await store.markReady(collection, { tenantId: tenant, documentId: kept });
      const hits = await store.search(collection, unit(1, 0.5, 0.5), { tenantId: tenant, limit: 50 });
      expect(hits).toHaveLength(50);
      expect(new Set(hits.map((h) => h.documentId))).toEqual(new Set([kept]));
    });

    it("ranks by BM25 words: a rare word outweighs a common one, the title counts, other tenants never match", async () => {
      const [tenant, other] = [randomUUID(), randomUUID()];
      const docs = Array.from({ length: 6 }, () => randomUUID());
      const texts = [
        "library budget report",
        "library opening hours",
        "library staff report",
        "library thesaurus construction",
        "notes of the meeting",
        "library catalogue",
      ];
      const points = texts.map((text, i) =>
        point(tenant, docs[i]!, unit(1), undefined, text, i === 4 ? "Thesaurus design" : ""),
      );
      const stranger = point(other, randomUUID(), unit(1), undefined, "thesaurus thesaurus library");
      await store.upsert(collection, [...points, stranger]);
      for (const doc of docs) await store.markReady(collection, { tenantId: tenant, documentId: doc });
      await store.markReady(collection, { tenantId: other, documentId: stranger.documentId });
      const hits = await store.searchText(collection, queryTerms("library thesaurus"), { tenantId: tenant, limit: 10 });
      expect(hits[0]!.id).toBe(points[3]!.id);
      expect(hits.map((h) => h.id)).toContain(points[4]!.id); // by its title alone
      expect(hits.map((h) => h.id)).not.toContain(stranger.id);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      expect(await store.searchText(collection, queryTerms("zebra"), { tenantId: tenant, limit: 10 })).toEqual([]);
    });

    it("fuses meaning and words in a hybrid search: a chunk both legs like comes first", async () => {
      const tenant = randomUUID();
      const doc = randomUUID();
      const both = point(tenant, doc, unit(1, 0.2), undefined, "thesaurus construction");
      const denseOnly = point(tenant, doc, unit(1, 0.1), undefined, "unrelated words");
      const wordsOnly = point(tenant, doc, unit(0, 0, 1), undefined, "thesaurus construction manual");
      await store.upsert(collection, [both, denseOnly, wordsOnly]);
      await store.markReady(collection, { tenantId: tenant, documentId: doc });
      const hits = await store.searchHybrid(collection, unit(1, 0.15), queryTerms("thesaurus construction"), {
        tenantId: tenant,
        limit: 3,
      });
      expect(hits[0]!.id).toBe(both.id);
      expect(new Set(hits.map((h) => h.id))).toEqual(new Set([both.id, denseOnly.id, wordsOnly.id]));
    });

    it("refuses vectors of the wrong dimension", async () => {
      const bad = point(randomUUID(), randomUUID(), new Float32Array(DIMS + 1).fill(1));
      await expect(store.upsert(collection, [bad])).rejects.toThrow();
    });
  });
}
