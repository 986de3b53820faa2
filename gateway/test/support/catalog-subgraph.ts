import { ApolloServer, HeaderMap } from "@apollo/server";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { createInternalTokenVerifier, IDENTITY_HEADER, type Identity } from "@atelier/internal-auth";
import { GraphQLError, parse } from "graphql";
import { listen, readJson } from "./http-server";

export const CATALOG_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    catalogItems(first: Int): [CatalogItem!]!
    catalogCaller: String!
    catalogFailure: String
  }
  type CatalogItem { id: ID! title: String! }
`;

/** A partner-facing subgraph beside the real identity one: what published operations call. */
export async function startCatalogSubgraph(publicKey: string) {
  const verifier = createInternalTokenVerifier({ publicKey });
  const apollo = new ApolloServer<{ identity: Identity }>({
    schema: buildSubgraphSchema({
      typeDefs: parse(CATALOG_SDL),
      resolvers: {
        Query: {
          catalogItems: (_: unknown, args: { first?: number }) =>
            Array.from({ length: args.first ?? 2 }, (_, i) => ({ id: `item-${i + 1}`, title: `Item ${i + 1}` })),
          catalogCaller: (_: unknown, __: unknown, { identity }: { identity: Identity }) =>
            identity.kind === "apiClient"
              ? `apiClient:${identity.apiClientId}`
              : identity.kind === "user" && identity.delegation
                ? `user:${identity.userId}:${identity.role}:via ${identity.delegation.service}`
                : identity.kind,
          catalogFailure: () => {
            throw new GraphQLError("out of stock", { extensions: { code: "CONFLICT" } });
          },
        },
      },
    }),
  });
  await apollo.start();
  const server = await listen(async (req, res) => {
    if (req.url === "/health") return void res.writeHead(200).end("ok");
    let identity: Identity;
    try {
      identity = await verifier.verify(req.headers[IDENTITY_HEADER] as string | undefined);
    } catch {
      return void res.writeHead(401).end();
    }
    const headers = new HeaderMap([["content-type", "application/json"]]);
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: "", body: await readJson(req) },
      context: async () => ({ identity }),
    });
    res.writeHead(response.status ?? 200, { "content-type": "application/json" });
    res.end(response.body.kind === "complete" ? response.body.string : "");
  });
  return {
    url: `${server.url}/graphql`,
    async close() {
      await server.close();
      await apollo.stop();
    },
  };
}
