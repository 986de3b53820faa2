import type pg from "pg";

const TENANT_TABLES = [
  "workspaces",
  "workspace_links",
  "projects",
  "assets",
  "asset_versions",
  "brand_kits",
  "templates",
  "generation_requests",
  "credit_transactions",
  "usage_logs",
  "ai_models",
  "ai_model_versions",
  "ai_model_validation_results",
  "ai_model_deployments",
  "ai_model_feedback",
  "stream_events",
];

/** Makes `role` (no superuser, no BYPASSRLS) own every schema, table, type and function of the database. */
const OWN_EVERYTHING = (role: string) => `DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', r.nspname, '${role}');
  END LOOP;
  FOR r IN SELECT c.oid::regclass::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND c.relkind IN ('r', 'p', 'v', 'm')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER TABLE %s OWNER TO %I', r.name, '${role}');
  END LOOP;
  FOR r IN SELECT c.oid::regclass::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND c.relkind = 'S'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i', 'e')) LOOP
    EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', r.name, '${role}');
  END LOOP;
  FOR r IN SELECT t.oid::regtype::text AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND t.typtype IN ('e', 'd')
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER TYPE %s OWNER TO %I', r.name, '${role}');
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure::text AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.name, '${role}');
  END LOOP;
END $$`;

/** `role` owns the whole database and row-level security is FORCEd on creative's tenant tables. */
export async function bindToOwnerRole(admin: pg.Pool, role: string): Promise<void> {
  await admin.query(OWN_EVERYTHING(role));
  for (const table of TENANT_TABLES) await admin.query(`ALTER TABLE creative.${table} FORCE ROW LEVEL SECURITY`);
}
