/**
 * Where test databases live: a Postgres in a testcontainer where a Docker engine runs, else the
 * machine's own server (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 */
export interface PostgresServer {
  /** Admin connection URL (database `postgres`). */
  adminUrl: string;
  kind: "testcontainers" | "local";
}

let server: Promise<PostgresServer> | undefined;

async function startContainer(): Promise<PostgresServer> {
  const { GenericContainer, Wait, getContainerRuntimeClient } = await import("testcontainers");
  // Throws within milliseconds when no container runtime answers.
  await getContainerRuntimeClient();
  const container = await new GenericContainer("postgres:15-alpine")
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: "trust" })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/ready to accept connections/, 2))
    .start();
  return {
    adminUrl: `postgresql://postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`,
    kind: "testcontainers",
  };
}

export function postgresServer(env: Record<string, string | undefined> = process.env): Promise<PostgresServer> {
  server ??= (async () => {
    const local = env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
    if (env.TEST_DATABASE_URL || env.TESTCONTAINERS_DISABLED === "true")
      return { adminUrl: local, kind: "local" as const };
    try {
      return await startContainer();
    } catch {
      return { adminUrl: local, kind: "local" as const };
    }
  })();
  return server;
}
