import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// Prisma 6's JS schema engine reads catalog columns typed `name` (oid 19) and `"char"`
// (oid 18), which @prisma/adapter-pg cannot map (prisma/orm#27403). Both are text on the
// wire, so the migration connection reports them as text.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

function reportCatalogTypesAsText(res: pg.QueryResult | undefined) {
  for (const field of res?.fields ?? []) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return res;
}

class CatalogTextClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded query signature
  override query(...args: any[]): any {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (err: Error | null, res: pg.QueryResult) => callback(err, reportCatalogTypesAsText(res));
    }
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const result = (super.query as any)(...args);
    return typeof result?.then === "function" ? result.then(reportCatalogTypesAsText) : result;
  }
}

/** The driver-adapter factory that `prisma migrate` uses (see prisma/<history>/prisma.config.ts). */
export function createMigrationAdapter(connectionString: string) {
  // Each migration history keeps its `_prisma_migrations` table in its own schema, named by
  // the URL's `schema` parameter, so several histories can share one database.
  const url = new URL(connectionString);
  const schema = url.searchParams.get("schema") ?? "public";
  url.searchParams.delete("schema");
  const pool = new pg.Pool({
    connectionString: url.toString(),
    Client: CatalogTextClient,
    max: 2,
    allowExitOnIdle: true,
    options: `-c search_path="${schema}"`,
  });
  const factory = new PrismaPg(pool, { schema });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const adapter = await connect();
    // The adapter splits migration scripts on every ";", which breaks dollar-quoted
    // function bodies. Postgres runs a multi-statement script itself, atomically.
    adapter.executeScript = async (script: string) => {
      try {
        await pool.query(script);
      } catch (error) {
        // biome-ignore lint/suspicious/noExplicitAny: reuse the adapter's own error mapping
        (adapter as any).onError(error);
      }
    };
    return adapter;
  };
  return factory;
}
