export * from "./publish";
export * from "./stream-events";
