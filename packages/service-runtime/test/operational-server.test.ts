import { describe, expect, it } from "vitest";
import { counter } from "../src/metrics";
import { startOperationalServer } from "../src/operational-server";

describe("a worker's operational endpoints", () => {
  it("answer /health, /metrics with the process's counters, and /ready until draining", async () => {
    const server = await startOperationalServer({ port: 0, host: "127.0.0.1", checks: { database: async () => {} } });
    const base = `http://127.0.0.1:${server.port}`;
    try {
      counter("atelier_test_jobs_total", "jobs run in this test").inc();
      expect((await fetch(`${base}/health`)).status).toBe(200);
      expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/^atelier_test_jobs_total 1$/m);
      expect((await fetch(`${base}/ready`)).status).toBe(200);
      server.markDraining();
      const draining = await fetch(`${base}/ready`);
      expect(draining.status).toBe(503);
      expect(await draining.json()).toEqual({ status: "draining" });
    } finally {
      await server.close();
    }
  });

  it("is not ready while a check fails, naming it", async () => {
    const server = await startOperationalServer({
      port: 0,
      host: "127.0.0.1",
      checks: { eventBus: () => Promise.reject(new Error("connection refused")) },
    });
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ checks: { eventBus: "unavailable: connection refused" } });
    } finally {
      await server.close();
    }
  });
});
