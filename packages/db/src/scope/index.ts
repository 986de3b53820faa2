export * from "./cross-tenant";
export * from "./tenant-scope";
export * from "./tenant-transactions";
