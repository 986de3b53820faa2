import type { CreativeSubgraph } from "./fixture";

const TABLES = [
  "workspaces",
  "workspace_links",
  "projects",
  "assets",
  "asset_versions",
  "brand_kits",
  "templates",
  "generation_requests",
  "credit_transactions",
  "ai_models",
  "ai_model_versions",
  "ai_model_feedback",
  "stream_events",
];

/** Every row a tenant owns, as one comparable string: equal before and after means nothing changed. */
export async function snapshotTenantRows(creative: CreativeSubgraph, tenantId: string): Promise<string> {
  const parts: string[] = [];
  for (const t of TABLES) {
    const col = t === "stream_events" ? "tenant_id" : '"tenantId"';
    const { rows } = await creative.sql.query(
      `SELECT to_jsonb(x) AS row FROM creative.${t} x WHERE ${col} = $1 ORDER BY 1::text`,
      [tenantId],
    );
    parts.push(
      JSON.stringify(rows.map((r) => r.row).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))),
    );
  }
  return parts.join("\n");
}
