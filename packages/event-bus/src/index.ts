export * from "./event-bus";
export * from "./postgres-event-bus";
