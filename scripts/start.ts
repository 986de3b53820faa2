/**
 * `npm start`: the embedded default. Finds or starts a PostgreSQL, migrates it, starts every
 * subgraph and the gateway (one process each, like production), seeds a demo tenant and prints
 * the endpoint. On any failure, and on SIGINT/SIGTERM, it stops everything it started.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "@atelier/db";
import { delegationPublicKeysJson } from "@atelier/internal-auth";
import { DEFAULT_DATABASE_URL, provideDatabase, type StackDatabase, withoutPassword } from "./start/database";
import { loadDevKeys } from "./start/dev-keys";
import { assertPortsFree } from "./start/ports";
import { type ServiceProcess, startService, stopProcesses, waitForHealthy } from "./start/processes";
import { DEMO, seedDemo } from "./start/seed-demo";

const root = path.resolve(import.meta.dirname, "..");
const env = process.env;
const dataDir = path.resolve(root, env.ATELIER_DATA_DIR ?? ".data");
// PORT_BASE moves the whole stack (gateway on the base, subgraphs after it), e.g. for tests.
const portBase = Number(env.PORT_BASE ?? 4000);
const gatewayPort = portBase;
const SUBGRAPH_OFFSETS: Record<string, number> = { identity: 1, knowledge: 2, workflows: 3, creative: 4 };

const started = Date.now();
const subgraphs = (JSON.parse(readFileSync(path.join(root, "schema", "subgraphs.json"), "utf8")) as { name: string }[])
  .map((s) => s.name)
  .filter((name) => existsSync(path.join(root, "subgraphs", name, "src", "index.ts")));
const portOf = (name: string, i: number) => portBase + (SUBGRAPH_OFFSETS[name] ?? 10 + i);

const processes: ServiceProcess[] = [];
let database: StackDatabase | undefined;
let stopping: Promise<void> | undefined;

function stopEverything(): Promise<void> {
  stopping ??= (async () => {
    await stopProcesses(processes);
    await database?.stop();
  })();
  return stopping;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => void stopEverything().then(() => process.exit(0)));
}

async function startStack(): Promise<void> {
  await assertPortsFree([
    { name: "gateway", port: gatewayPort },
    ...subgraphs.map((name, i) => ({ name, port: portOf(name, i) })),
  ]);
  database = await provideDatabase({
    configuredUrl: env.DATABASE_URL,
    localUrl: env.LOCAL_DATABASE_URL ?? DEFAULT_DATABASE_URL,
    dataDir,
    embeddedPort: Number(env.EMBEDDED_POSTGRES_PORT ?? 5432),
  });
  const databaseUrl = database.url;
  console.log(`atelier: database ${withoutPassword(databaseUrl)} (${database.kind})`);
  await migrateDatabase(databaseUrl, subgraphs);
  console.log(`atelier: migrated ${subgraphs.join(", ")}`);

  const keys = loadDevKeys(dataDir);
  const shared = {
    NODE_ENV: env.NODE_ENV ?? "development",
    DATABASE_URL: databaseUrl,
    INTERNAL_JWT_PUBLIC_KEY: keys.internal.publicKey,
    RUN_WORKER: "true",
    LOG_LEVEL: env.LOG_LEVEL ?? "info",
  };
  for (const [i, name] of subgraphs.entries()) {
    const port = portOf(name, i);
    processes.push(
      startService(
        root,
        name,
        `subgraphs/${name}/src/index.ts`,
        port,
        {
          ...shared,
          ACCESS_TOKEN_PRIVATE_KEY: keys.accessToken.privateKey,
          MFA_ENCRYPTION_KEY: keys.mfaEncryptionKey,
          STORAGE_SIGNING_SECRET: keys.signedUrlSecret,
          STORAGE_DIR: path.join(dataDir, `${name}-blobs`),
          PUBLIC_URL: `http://localhost:${port}`,
          GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
          ...(keys.delegation[name] ? { DELEGATION_PRIVATE_KEY: keys.delegation[name].privateKey } : {}),
          // Creative's signed blob URLs (its PUBLIC_URL) are on loopback here: knowledge may download them.
          ...(name === "knowledge"
            ? { ASSET_FETCH_ALLOWED_HOSTS: `localhost:${portOf("creative", subgraphs.indexOf("creative"))}` }
            : {}),
        },
        i,
      ),
    );
  }
  await Promise.all(processes.map((p) => waitForHealthy(`http://127.0.0.1:${p.port}/health`, 90_000, p)));
  const gateway = startService(
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
  );
  processes.push(gateway);
  await waitForHealthy(`http://127.0.0.1:${gatewayPort}/ready`, 60_000, gateway);

  const gatewayUrl = `http://localhost:${gatewayPort}/graphql`;
  const seeded = await seedDemo(`http://127.0.0.1:${gatewayPort}/graphql`);
  console.log(`
  Atelier is up in ${((Date.now() - started) / 1000).toFixed(1)} s
  GraphQL endpoint and IDE: ${gatewayUrl}
  Demo tenant "${DEMO.tenantName}" (${seeded}): ${DEMO.email} / ${DEMO.password}
`);
  // A service that dies takes the stack down with it rather than leaving the rest half-working.
  for (const p of processes) {
    p.child.once("exit", (code) => {
      if (stopping) return;
      console.error(`atelier: ${p.name} exited (${code}); stopping the stack`);
      void stopEverything().then(() => process.exit(1));
    });
  }
}

try {
  await startStack();
} catch (error) {
  console.error(`atelier: ${(error as Error).message}`);
  await stopEverything();
  process.exit(1);
}
