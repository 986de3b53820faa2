export * from "./api-scopes";
export * from "./delegation";
export * from "./identity";
export * from "./internal-token";
export * from "./keys";
export * from "./per-viewer";
