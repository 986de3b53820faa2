import { describe, it } from "vitest";
import { QdrantVectorStore } from "../src/vector-store/qdrant-vector-store";
import { vectorStoreContract } from "./vector-store.contract";

/** Qdrant from QDRANT_URL, else a testcontainer where a Docker engine runs, else skipped (said so). */
async function locateQdrant(): Promise<{ url: string | null; reason: string }> {
  if (process.env.QDRANT_URL) return { url: process.env.QDRANT_URL, reason: "" };
  try {
    const { GenericContainer, Wait, getContainerRuntimeClient } = await import("testcontainers");
    await getContainerRuntimeClient();
    const container = await new GenericContainer("qdrant/qdrant:v1.15.4")
      .withExposedPorts(6333)
      .withWaitStrategy(Wait.forHttp("/readyz", 6333))
      .start();
    return { url: `http://${container.getHost()}:${container.getMappedPort(6333)}`, reason: "" };
  } catch (error) {
    return {
      url: null,
      reason: `QDRANT_URL is not set and no container runtime answers (${(error as Error).message.split("\n")[0]})`,
    };
  }
}

const qdrant = await locateQdrant();
if (!qdrant.url) console.warn(`SKIPPED: Qdrant vector-store contract tests: ${qdrant.reason}`);

describe.skipIf(!qdrant.url)("Qdrant", () => {
  vectorStoreContract(
    `qdrant at ${qdrant.url}`,
    async () => new QdrantVectorStore({ url: qdrant.url!, batchSize: 100 }),
  );
});

describe.runIf(!qdrant.url)("Qdrant (skipped)", () => {
  it.skip(`contract tests skipped: ${qdrant.reason}`, () => {});
});
