/**
 * `npm start`: the embedded default. Migrates the local PostgreSQL, starts every subgraph and
 * the gateway (one process each, like production), seeds a demo tenant and prints the endpoint.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "@atelier/db";
import { delegationPublicKeysJson } from "@atelier/internal-auth";
import { ensureDatabase } from "./start/database";
import { loadDevKeys } from "./start/dev-keys";
import { type ServiceProcess, startService, waitForHealthy } from "./start/processes";
import { DEMO, seedDemo } from "./start/seed-demo";

const root = path.resolve(import.meta.dirname, "..");
const env = process.env;
const databaseUrl = env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/atelier";
// PORT_BASE moves the whole stack (gateway on the base, subgraphs after it), e.g. for tests.
const portBase = Number(env.PORT_BASE ?? 4000);
const gatewayPort = portBase;
const SUBGRAPH_OFFSETS: Record<string, number> = { identity: 1, knowledge: 2, workflows: 3, creative: 4 };

const started = Date.now();
const subgraphs = (JSON.parse(readFileSync(path.join(root, "schema", "subgraphs.json"), "utf8")) as { name: string }[])
  .map((s) => s.name)
  .filter((name) => existsSync(path.join(root, "subgraphs", name, "src", "index.ts")));

console.log(`atelier: database ${databaseUrl.replace(/\/\/[^@]*@/, "//")}`);
try {
  await ensureDatabase(databaseUrl);
} catch (error) {
  console.error(`atelier: no PostgreSQL answers at ${databaseUrl.replace(/\/\/[^@]*@/, "//")} (${(error as Error).message}).
  Start one (Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start, or
  docker compose up -d postgres) or set DATABASE_URL.`);
  process.exit(1);
}
await migrateDatabase(databaseUrl, subgraphs);
console.log(`atelier: migrated ${subgraphs.join(", ")}`);

const keys = loadDevKeys(path.join(root, ".data"));
const shared = {
  NODE_ENV: env.NODE_ENV ?? "development",
  DATABASE_URL: databaseUrl,
  INTERNAL_JWT_PUBLIC_KEY: keys.internal.publicKey,
  RUN_WORKER: "true",
  LOG_LEVEL: env.LOG_LEVEL ?? "info",
};
const processes: ServiceProcess[] = subgraphs.map((name, i) =>
  startService(
    root,
    name,
    `subgraphs/${name}/src/index.ts`,
    portBase + (SUBGRAPH_OFFSETS[name] ?? 10 + i),
    {
      ...shared,
      ACCESS_TOKEN_PRIVATE_KEY: keys.accessToken.privateKey,
      MFA_ENCRYPTION_KEY: keys.mfaEncryptionKey,
      STORAGE_SIGNING_SECRET: keys.signedUrlSecret,
      STORAGE_DIR: path.join(root, ".data", `${name}-blobs`),
      PUBLIC_URL: `http://localhost:${portBase + (SUBGRAPH_OFFSETS[name] ?? 10 + i)}`,
      GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
      ...(keys.delegation[name] ? { DELEGATION_PRIVATE_KEY: keys.delegation[name].privateKey } : {}),
    },
    i,
  ),
);

function stopAll() {
  for (const p of processes) p.child.kill("SIGTERM");
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stopAll();
    process.exit(0);
  });
}

await Promise.all(processes.map((p) => waitForHealthy(`http://127.0.0.1:${p.port}/health`, 90_000)));
processes.push(
  startService(
    root,
    "gateway",
    "gateway/src/index.ts",
    gatewayPort,
    {
      ...shared,
      INTERNAL_JWT_PRIVATE_KEY: keys.internal.privateKey,
      IDENTITY_JWKS_URL: `http://127.0.0.1:${portBase + 1}/.well-known/jwks.json`,
      IDENTITY_INTERNAL_URL: `http://127.0.0.1:${portBase + 1}`,
      DELEGATION_PUBLIC_KEYS: delegationPublicKeysJson(keys.delegation),
      ...Object.fromEntries(
        processes.map((p) => [`SUBGRAPH_URL_${p.name.toUpperCase()}`, `http://127.0.0.1:${p.port}/graphql`]),
      ),
    },
    processes.length,
  ),
);
await waitForHealthy(`http://127.0.0.1:${gatewayPort}/ready`, 60_000);

const gatewayUrl = `http://localhost:${gatewayPort}/graphql`;
const seeded = await seedDemo(gatewayUrl);
console.log(`
  Atelier is up in ${((Date.now() - started) / 1000).toFixed(1)} s
  GraphQL endpoint and IDE: ${gatewayUrl}
  Demo tenant "${DEMO.tenantName}" (${seeded}): ${DEMO.email} / ${DEMO.password}
`);
