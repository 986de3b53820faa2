import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadCreativeConfig } from "@atelier/creative/service";
import { loadGatewayConfig } from "@atelier/gateway/config";
import { loadIdentityConfig } from "@atelier/identity";
import { loadKnowledgeConfig } from "@atelier/knowledge/service";
import { loadWorkflowsConfig } from "@atelier/workflows/service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { GATEWAY_NODE_FLAGS } from "../../gateway/src/node-flags";
import { ENTRIES } from "../../scripts/build/entries";

const root = path.resolve(import.meta.dirname, "../..");
const hasCompose = spawnSync("docker-compose", ["version"]).status === 0;

interface ComposeService {
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  healthcheck?: { test?: string[] };
}

/** Each process's real config loader, by the bundle its container runs. */
const LOADERS: Record<string, (env: Record<string, string>) => unknown> = {
  gateway: loadGatewayConfig,
  identity: loadIdentityConfig,
  knowledge: loadKnowledgeConfig,
  "knowledge-worker": loadKnowledgeConfig,
  workflows: loadWorkflowsConfig,
  "workflows-worker": (env) => loadWorkflowsConfig({ INTERNAL_JWT_PUBLIC_KEY: "unused-by-the-worker", ...env }),
  creative: loadCreativeConfig,
  "creative-worker": loadCreativeConfig,
};

let dir: string;
let services: Record<string, ComposeService>;

beforeAll(() => {
  if (!hasCompose) return;
  dir = mkdtempSync(path.join(tmpdir(), "atelier-compose-"));
  const keys = execFileSync(process.execPath, ["--import", "tsx", "scripts/keys.ts"], { cwd: root, encoding: "utf8" });
  writeFileSync(path.join(dir, ".env"), keys);
  const resolved = execFileSync("docker-compose", ["--env-file", path.join(dir, ".env"), "config"], {
    cwd: root,
    encoding: "utf8",
  });
  services = (parse(resolved) as { services: Record<string, ComposeService> }).services;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The bundle a container runs (`node [flags] dist/<name>/index.mjs`), or undefined. */
const bundleOf = (service: ComposeService) =>
  service.command?.map((arg) => /^dist\/([^/]+)\/index\.mjs$/.exec(arg)?.[1]).find(Boolean);

/** The runtime image's CMD (exec form): the last stage's, the image `docker build` makes. */
function imageCommand(): string[] {
  const commands = [...readFileSync(path.join(root, "Dockerfile"), "utf8").matchAll(/^CMD (\[.*\])$/gm)];
  const last = commands.at(-1)?.[1];
  return last ? (JSON.parse(last) as string[]) : [];
}

describe("the gateway's heap flags (gateway/src/node-flags.ts)", () => {
  it("are the ones the image's gateway command runs with", () => {
    expect(imageCommand()).toEqual(["node", ...GATEWAY_NODE_FLAGS, "dist/gateway/index.mjs"]);
  });
});

describe.skipIf(!hasCompose)("docker-compose.yml, resolved by docker-compose config with `npm run keys`", () => {
  it("runs every built process, each accepted by its own config loader", () => {
    const run = Object.values(services).map(bundleOf).filter(Boolean);
    expect(run.sort()).toEqual(Object.keys(ENTRIES).sort());
    for (const [name, service] of Object.entries(services)) {
      const bundle = bundleOf(service);
      if (!bundle) continue;
      const loader = LOADERS[bundle];
      expect(loader, `a loader for ${bundle}`).toBeDefined();
      expect(() => loader!(service.environment ?? {}), name).not.toThrow();
    }
  });

  it("starts every service after the migrations have finished", () => {
    expect(services.migrate?.environment?.DATABASE_URL).toMatch(/^postgresql:\/\/.+@postgres:5432\//);
    for (const [name, service] of Object.entries(services)) {
      if (!bundleOf(service)) continue;
      expect(service.depends_on?.migrate, name).toEqual({ condition: "service_completed_successfully" });
    }
  });

  it("gives knowledge Qdrant, and creative's API and worker one blob volume", () => {
    for (const name of ["knowledge", "knowledge-worker"]) {
      expect(services[name]?.environment).toMatchObject({ VECTOR_STORE: "qdrant", QDRANT_URL: "http://qdrant:6333" });
    }
    for (const name of ["creative", "creative-worker"]) {
      expect(services[name]?.environment?.STORAGE_DIR).toBe("/data/blobs");
      expect(services[name]?.volumes).toContain("blobs:/data:rw");
    }
  });

  it("runs the gateway with its heap flags, as the image does", () => {
    expect(services.gateway?.command).toEqual(["node", ...GATEWAY_NODE_FLAGS, "dist/gateway/index.mjs"]);
  });

  it("keeps the image's health check on every process, workers answering on METRICS_PORT", () => {
    for (const [name, service] of Object.entries(services)) {
      const bundle = bundleOf(service);
      if (!bundle) continue;
      expect(service.healthcheck, name).toBeUndefined();
      if (bundle.endsWith("-worker")) expect(service.environment?.METRICS_PORT, name).toBe("9464");
    }
  });
});
