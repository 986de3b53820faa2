import { ApolloServer, HeaderMap } from "@apollo/server";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { createInternalTokenVerifier, IDENTITY_HEADER, type Identity } from "@atelier/internal-auth";
import { GraphQLError, parse } from "graphql";
import { listen, readJson } from "./http-server";

export const ECHO_SUBGRAPH_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    health: String!
    whoami: Whoami!
    deep: Node
    items(first: Int): [Node!]!
    forbidden: String
  }
  type Mutation {
    login(email: String!): String!
  }
  type Whoami {
    kind: String!
    userId: String
    tenantId: String
    role: String
    apiClientId: String
    scopes: [String!]!
    requestId: String
  }
  type Node {
    id: ID!
    child: Node
  }
`;

interface EchoContext {
  identity: Identity;
  requestId: string | null;
}

const node = (depth: number): unknown => ({ id: `n${depth}`, child: depth < 30 ? node(depth + 1) : null });

/**
 * A real subgraph for the gateway's tests: it refuses calls without a valid gateway identity token
 * (as ours do) and echoes the identity it was given.
 */
export async function startEchoSubgraph(publicKey: string) {
  const verifier = createInternalTokenVerifier({ publicKey });
  const seen: { identity: Identity; requestId: string | null }[] = [];
  const apollo = new ApolloServer<EchoContext>({
    schema: buildSubgraphSchema({
      typeDefs: parse(ECHO_SUBGRAPH_SDL),
      resolvers: {
        Query: {
          health: () => "ok",
          whoami: (_: unknown, __: unknown, { identity, requestId }: EchoContext) => ({
            kind: identity.kind,
            userId: identity.kind === "user" ? identity.userId : null,
            tenantId: identity.kind === "user" || identity.kind === "apiClient" ? identity.tenantId : null,
            role: identity.kind === "user" ? identity.role : null,
            apiClientId: identity.kind === "apiClient" ? identity.apiClientId : null,
            scopes: identity.kind === "user" || identity.kind === "apiClient" ? identity.scopes : [],
            requestId,
          }),
          deep: () => node(1),
          items: (_: unknown, args: { first?: number }) => Array.from({ length: args.first ?? 3 }, (_, i) => node(i)),
          forbidden: () => {
            throw new GraphQLError("only admins may do this", { extensions: { code: "FORBIDDEN" } });
          },
        },
        Mutation: { login: () => "logged-in" },
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
    const requestId = (req.headers["x-request-id"] as string | undefined) ?? null;
    seen.push({ identity, requestId });
    const headers = new HeaderMap();
    headers.set("content-type", "application/json");
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: "", body: await readJson(req) },
      context: async () => ({ identity, requestId }),
    });
    res.writeHead(response.status ?? 200, { "content-type": "application/json" });
    res.end(response.body.kind === "complete" ? response.body.string : "");
  });

  return {
    url: `${server.url}/graphql`,
    /** Every request that passed the identity check, in order. */
    seen,
    async close() {
      await server.close();
      await apollo.stop();
    },
  };
}
