import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { migrateDatabase, REPO_ROOT, SHARED_MIGRATIONS } from "@atelier/db";
import pg from "pg";
import { postgresServer } from "./postgres-server";

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Changes whenever a migration of the services (or a shared one) changes. */
function migrationsHash(services: string[]): string {
  const hash = createHash("sha256");
  for (const history of new Set([...SHARED_MIGRATIONS, ...services])) {
    for (const file of filesUnder(path.join(REPO_ROOT, "prisma", history, "migrations")).sort()) {
      hash.update(file).update(readFileSync(file));
    }
  }
  return hash.digest("hex").slice(0, 12);
}

function urlFor(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The migrated template for a service, made once per migration set (under an advisory lock). */
/** A short name for a set of services: Postgres truncates identifiers past 63 bytes. */
function keyOf(services: string[]): string {
  if (services.length === 1) return services[0]!;
  return `set_${createHash("sha256").update(services.join(",")).digest("hex").slice(0, 8)}`;
}

async function ensureTemplate(adminUrl: string, services: string[]): Promise<string> {
  const service = keyOf(services);
  const template = `atelier_tpl_${service}_${migrationsHash(services)}`;
  await withAdmin(adminUrl, async (admin) => {
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [`atelier_tpl_${service}`]);
    try {
      const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
      if (rowCount) return;
      const stale = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [
        `atelier_tpl_${service}_%`,
      ]);
      for (const { datname } of stale.rows) await admin.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      await migrateDatabase(urlFor(adminUrl, building), services);
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    } finally {
      await admin.query("SELECT pg_advisory_unlock(hashtext($1))", [`atelier_tpl_${service}`]);
    }
  });
  return template;
}

/**
 * A fresh database for one test file, cloned from a template migrated for the services (one, or
 * several for end-to-end tests): migrations run once per change, not once per file.
 */
export async function createTestDatabase(services: string | string[]): Promise<TestDatabase> {
  const list = Array.isArray(services) ? services : [services];
  const service = keyOf(list);
  const { adminUrl } = await postgresServer();
  const template = await ensureTemplate(adminUrl, list);
  const name = `atelier_test_${service}_${randomBytes(5).toString("hex")}`;
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    url: urlFor(adminUrl, name),
    name,
    drop: () =>
      withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
