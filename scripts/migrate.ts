/** `npm run migrate`: applies every service's migrations (and the shared audit log's) to DATABASE_URL. */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "@atelier/db";

const root = path.resolve(import.meta.dirname, "..");
const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/atelier";
const services = readdirSync(path.join(root, "subgraphs")).filter((name) =>
  existsSync(path.join(root, "prisma", name, "prisma.config.ts")),
);
await migrateDatabase(databaseUrl, services);
console.log(`migrated ${services.join(", ")}`);
