import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer, HeaderMap } from "@apollo/server";
import { ApolloServerPluginUsageReportingDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { createInternalTokenVerifier, IDENTITY_HEADER } from "@atelier/internal-auth";
import { parse } from "graphql";

/** A bench subgraph: refuses calls without a gateway identity token, as Atelier's subgraphs do. */
export async function serveSubgraph(opts: {
  sdl: string;
  resolvers: GraphQLResolverMap<unknown>;
  publicKey: string;
  port?: number;
}): Promise<{ url: string; close(): Promise<void> }> {
  const verifier = createInternalTokenVerifier({ publicKey: opts.publicKey });
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(opts.sdl), resolvers: opts.resolvers }),
    plugins: [ApolloServerPluginUsageReportingDisabled()],
  });
  await apollo.start();
  const server = createServer(async (req, res) => {
    if (req.url === "/health") return void res.writeHead(200).end("ok");
    try {
      await verifier.verify(req.headers[IDENTITY_HEADER] as string | undefined);
    } catch {
      return void res.writeHead(401).end();
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const headers = new HeaderMap();
    headers.set("content-type", "application/json");
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers, search: "", body: JSON.parse(Buffer.concat(chunks).toString()) },
      context: async () => ({}),
    });
    res.writeHead(response.status ?? 200, { "content-type": "application/json" });
    res.end(response.body.kind === "complete" ? response.body.string : "");
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await apollo.stop();
    },
  };
}
