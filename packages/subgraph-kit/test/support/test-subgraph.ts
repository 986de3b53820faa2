import { createLogger } from "@atelier/logging";
import { testKeys } from "@atelier/testing";
import type { DocumentNode } from "graphql";
import { type BaseContext, createSubgraphServer, type SubgraphServer, type SubgraphServerOptions } from "../../src";

/** A kit subgraph trusting the test keys and logging nothing, as this package's suites serve it. */
export function startTestSubgraph<C extends BaseContext = BaseContext>(
  name: string,
  typeDefs: DocumentNode,
  resolvers: unknown,
  options: Partial<SubgraphServerOptions<C>> = {},
): Promise<SubgraphServer> {
  return createSubgraphServer<C>({
    name,
    typeDefs,
    resolvers,
    port: 0,
    internalPublicKey: testKeys().publicKey,
    logger: createLogger({ service: name, level: "silent" }),
    buildContext: (base) => base as C,
    ...options,
  });
}
