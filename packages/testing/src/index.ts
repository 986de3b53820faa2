export * from "./identities";
export * from "./postgres-server";
export * from "./test-database";
