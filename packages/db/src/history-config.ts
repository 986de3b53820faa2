import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./migration-adapter";

/**
 * The Prisma CLI config of one migration history (`prisma/<history>/prisma.config.ts`): its
 * schema and migrations beside the file, the JS engines (no binary download) and our
 * migration adapter on DATABASE_URL.
 */
export function historyConfig(configFileUrl: string) {
  const here = path.dirname(fileURLToPath(configFileUrl));
  return defineConfig({
    experimental: { adapter: true },
    engine: "js",
    schema: path.join(here, "schema.prisma"),
    migrations: { path: path.join(here, "migrations") },
    async adapter() {
      return createMigrationAdapter(process.env.DATABASE_URL ?? "");
    },
  });
}
