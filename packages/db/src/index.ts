export * from "./audit";
export * from "./connection-loss";
export * from "./migrate";
export { createMigrationAdapter } from "./migration-adapter";
export * from "./prisma-client";
export * from "./scope";
export * from "./tenant-read";
export * from "./tenant-scope";
export * from "./tenant-sql";
