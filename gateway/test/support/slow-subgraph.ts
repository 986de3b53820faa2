import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { listen, readJson } from "./http-server";

export const SLOW_SUBGRAPH_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    "Answers after ms milliseconds: a request that stays in flight."
    slow(ms: Int!): String!
  }
`;

/** A foreign subgraph (no identity check) whose one field takes as long as asked. */
export async function startSlowSubgraph() {
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(SLOW_SUBGRAPH_SDL),
      resolvers: {
        Query: {
          slow: async (_: unknown, { ms }: { ms: number }) => {
            await new Promise((r) => setTimeout(r, ms));
            return `slept ${ms}`;
          },
        },
      },
    }),
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const server = await listen(async (req, res) => {
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: "", body: await readJson(req) },
      context: async () => ({}),
    });
    res.writeHead(result.status ?? 200, { "content-type": "application/json" });
    res.end(result.body.kind === "complete" ? result.body.string : "");
  });
  return { url: `${server.url}/graphql`, close: () => server.close().then(() => apollo.stop()) };
}
