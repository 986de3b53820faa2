import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { execute, type GraphQLSchema, parse } from "graphql";
import type { BenchSubgraph } from "./subgraphs";

async function readText(req: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

async function answer(schema: GraphQLSchema, body: string): Promise<string> {
  const { query, variables, operationName } = JSON.parse(body);
  const result = await execute({ schema, document: parse(query), variableValues: variables, operationName });
  return JSON.stringify(result);
}

/**
 * Serves the bench subgraphs on graphql-js. The data never changes, so each distinct request body is
 * executed once and its answer replayed: the subgraphs then cost little of the core they share with the
 * load driver, as the original's Rust subgraphs do. `requests` counts every call, for fetches per operation; `onRequest` sees each body.
 */
export async function serveBenchSubgraphs(
  subgraphs: BenchSubgraph[],
  onRequest?: (subgraph: string, body: string) => void,
): Promise<{ urls: Record<string, string>; requests(): number; close(): void }> {
  let requests = 0;
  const servers: Server[] = [];
  const urls: Record<string, string> = {};
  for (const subgraph of subgraphs) {
    const schema = buildSubgraphSchema({ typeDefs: parse(subgraph.sdl), resolvers: subgraph.resolvers });
    const answers = new Map<string, string>();
    const server = createServer(async (req, res) => {
      requests++;
      const body = await readText(req);
      onRequest?.(subgraph.name, body);
      let text = answers.get(body);
      if (text === undefined) {
        text = await answer(schema, body);
        if (answers.size < 10_000) answers.set(body, text);
      }
      res.writeHead(200, { "content-type": "application/json" }).end(text);
    });
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    urls[subgraph.name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    servers.push(server);
  }
  return {
    urls,
    requests: () => requests,
    close() {
      for (const server of servers) {
        server.closeAllConnections();
        server.close();
      }
    },
  };
}
