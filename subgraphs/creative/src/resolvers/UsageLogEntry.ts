import type { UsageLogEntryResolvers } from "../generated/resolvers-types";

export const UsageLogEntry: UsageLogEntryResolvers = {
  id: (u) => u.id.toString(),
  details: (u) => u.details ?? {},
};
