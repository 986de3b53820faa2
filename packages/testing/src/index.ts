export * from "./graphql-caller";
export * from "./identities";
export * from "./postgres-server";
export * from "./start-subgraph";
export * from "./subgraph-test";
export * from "./test-database";
export * from "./wait-for";
