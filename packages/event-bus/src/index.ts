export * from "./create-event-bus";
export * from "./event-bus";
export * from "./postgres-event-bus";
export * from "./redis-event-bus";
