import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Migration histories that every service's database carries before its own. */
export const SHARED_MIGRATIONS = ["audit"] as const;

// Each history keeps its own `_prisma_migrations` table, in its own Postgres schema.
function withSchema(databaseUrl: string, schema: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set("schema", schema);
  return url.toString();
}

/** Applies `prisma migrate deploy` for the shared histories, then each service's own. */
export async function migrateDatabase(databaseUrl: string, services: string | string[]): Promise<void> {
  for (const history of new Set([...SHARED_MIGRATIONS, ...(Array.isArray(services) ? services : [services])])) {
    const config = path.join(REPO_ROOT, "prisma", history, "prisma.config.ts");
    const prismaCli = path.join(REPO_ROOT, "node_modules", "prisma", "build", "index.js");
    const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), "unref-long-timers.cjs");
    try {
      await run(process.execPath, ["--require", preload, prismaCli, "migrate", "deploy", "--config", config], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: withSchema(databaseUrl, history) },
      });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`migrate ${history} failed: ${e.stderr || e.stdout || e.message}`);
    }
  }
}
