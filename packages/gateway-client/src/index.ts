export * from "./gateway-client";
export * from "./workspace-references";
