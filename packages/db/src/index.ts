export * from "./audit";
export * from "./migrate";
export * from "./prisma-client";
export * from "./tenant-scope";
export { createMigrationAdapter } from "./migration-adapter";
