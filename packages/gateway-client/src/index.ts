export * from "./gateway-client";
