import { readFileSync } from "node:fs";
import { ApolloGateway, type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { IDENTITY_HEADER } from "@atelier/internal-auth";
import { announceReady } from "./child-process";

// The baseline: Apollo Gateway with its defaults (make-fetch-happen fetcher, default caches),
// only forwarding the identity header the bench sends, so our subgraphs accept the calls.
interface PlainContext {
  identityToken?: string;
}

process.env.APOLLO_TELEMETRY_DISABLED = "true";
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(process.argv[2] ?? "", "utf8"),
  buildService: ({ url }) =>
    new (class extends RemoteGraphQLDataSource<PlainContext> {
      override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<PlainContext>) {
        if (context?.identityToken) request.http?.headers.set(IDENTITY_HEADER, context.identityToken);
      }
    })({ url }),
});
const server = new ApolloServer<PlainContext>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: "127.0.0.1" },
  context: async ({ req }) => ({ identityToken: req.headers[IDENTITY_HEADER] as string | undefined }),
});
announceReady({ url });
