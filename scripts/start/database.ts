import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { assertPortsFree } from "./ports";

/** Where `npm start` looks for a PostgreSQL before starting its own. */
export const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/atelier";

export interface StackDatabase {
  url: string;
  /** "embedded" when `npm start` runs the PostgreSQL itself. */
  kind: "configured" | "local" | "embedded";
  stop(): Promise<void>;
}

export interface DatabaseChoice {
  /** DATABASE_URL: used as given, never replaced by the embedded one. */
  configuredUrl?: string;
  /** The local server tried first (LOCAL_DATABASE_URL, else the default URL). */
  localUrl: string;
  dataDir: string;
  embeddedPort: number;
}

export function withoutPassword(url: string): string {
  return url.replace(/\/\/[^@]*@/, "//");
}

/**
 * DATABASE_URL when set; else the PostgreSQL at the default local URL; else a real PostgreSQL
 * started from the `embedded-postgres` package with its data under `.data/`.
 */
export async function provideDatabase(choice: DatabaseChoice): Promise<StackDatabase> {
  const none = async () => {};
  if (choice.configuredUrl) {
    await ensureDatabase(choice.configuredUrl).catch((error: Error) => {
      throw new Error(
        `no PostgreSQL answers at DATABASE_URL ${withoutPassword(choice.configuredUrl ?? "")} (${error.message})`,
      );
    });
    return { url: choice.configuredUrl, kind: "configured", stop: none };
  }
  try {
    await ensureDatabase(choice.localUrl);
    return { url: choice.localUrl, kind: "local", stop: none };
  } catch {
    // Nothing answers locally: run our own.
  }
  await assertPortsFree([{ name: "embedded PostgreSQL (EMBEDDED_POSTGRES_PORT)", port: choice.embeddedPort }]);
  const database = decodeURIComponent(new URL(choice.localUrl).pathname.slice(1)) || "atelier";
  const embedded = await startEmbeddedPostgres(choice.dataDir, choice.embeddedPort, database);
  try {
    await ensureDatabase(embedded.url);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url, kind: "embedded", stop: embedded.stop };
}

/** Creates the URL's database when missing (connecting to `postgres` on the same server). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const target = new URL(databaseUrl);
  const database = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  admin.search = "";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
