import { DateTimeResolver, EmailAddressResolver, JSONResolver, URLResolver } from "graphql-scalars";

/** Resolvers for the scalars every subgraph's SDL declares. */
export const scalarResolvers = {
  DateTime: DateTimeResolver,
  JSON: JSONResolver,
  EmailAddress: EmailAddressResolver,
  URL: URLResolver,
};
