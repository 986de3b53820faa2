import type { Identity } from "@atelier/internal-auth";
import { createLogger } from "@atelier/logging";
import { createSubgraphServer, ForbiddenError, requireTenantMember } from "@atelier/subgraph-kit";
import { parse } from "graphql";
import pg from "pg";

/**
 * Two small subgraphs standing in for an event-producing service: `ticks` serves a stream's
 * events from Postgres (with the tenant check a real subgraph makes) and `people` resolves the
 * owner entity, so a subscription payload crosses subgraphs.
 */
export const TICKS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Tick { sequence: Int! label: String! owner: Person! }
  type Person @key(fields: "id", resolvable: false) { id: ID! }
  type Query { tickEvents(streamId: ID!, afterSequence: Int, first: Int): [Tick!]! }
  type Subscription { tickUpdated(streamId: ID!, afterSequence: Int): Tick! }
`;
export const PEOPLE_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Person @key(fields: "id") { id: ID! name: String! viewerNote: String! privateNote: String! }
  type Query { personCount: Int! }
`;

export const TICKS_SCHEMA_SQL = `
  CREATE SCHEMA ticks;
  CREATE TABLE ticks.stream_events (
    id bigserial PRIMARY KEY, stream_id text NOT NULL, sequence integer NOT NULL, tenant_id uuid NOT NULL,
    type text NOT NULL, payload jsonb NOT NULL DEFAULT '{}', topics text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(), UNIQUE (stream_id, sequence));`;

export interface TickerSubgraphs {
  ticks: { url: string };
  people: { url: string };
  /** Reads served so far: catch-up reads of `tickEvents`, Person entities resolved, and HTTP requests to `people`. */
  stats: { catchUpReads: number; personReads: number; personRequests: number };
  close(): Promise<void>;
}

export async function startTickerSubgraphs(databaseUrl: string, internalPublicKey: string): Promise<TickerSubgraphs> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  pool.on("error", () => {});
  const logger = createLogger({ service: "ticks", level: "silent" });
  const common = { port: 0, internalPublicKey, logger, buildContext: <T>(base: T) => base };
  const stats = { catchUpReads: 0, personReads: 0, personRequests: 0 };
  const ticks = await createSubgraphServer({
    ...common,
    name: "ticks",
    typeDefs: parse(TICKS_SDL),
    resolvers: {
      Query: {
        tickEvents: async (
          _: unknown,
          args: { streamId: string; afterSequence?: number; first?: number },
          ctx: { identity: Identity },
        ) => {
          const { tenantId } = requireTenantMember(ctx.identity);
          stats.catchUpReads++;
          const { rows } = await pool.query(
            `SELECT sequence, payload FROM ticks.stream_events
              WHERE stream_id = $1 AND tenant_id = $2 AND sequence > $3 ORDER BY sequence LIMIT $4`,
            [args.streamId, tenantId, args.afterSequence ?? 0, args.first ?? 100],
          );
          return rows.map((r) => ({ sequence: r.sequence, label: r.payload.label, owner: { id: r.payload.ownerId } }));
        },
      },
    },
  });
  const people = await createSubgraphServer({
    ...common,
    name: "people",
    typeDefs: parse(PEOPLE_SDL),
    resolvers: {
      Query: { personCount: () => 0 },
      Person: {
        __resolveReference: (ref: { id: string }) => {
          stats.personReads++;
          return { id: ref.id, name: `Person ${ref.id}` };
        },
        // Differs per viewer, as User.socialConnections does: who asks is part of the answer.
        viewerNote: (person: { id: string }, _: unknown, ctx: { identity: Identity }) =>
          `${person.id} as seen by ${ctx.identity.kind === "user" ? ctx.identity.userId : ctx.identity.kind}`,
        // Only the person themselves reads it, as a PRIVATE asset only its creator sees: anyone else is refused.
        privateNote: (person: { id: string }, _: unknown, ctx: { identity: Identity }) => {
          if (ctx.identity.kind === "user" && ctx.identity.userId === person.id) return `${person.id}'s own note`;
          throw new ForbiddenError("Only the person themselves may read their note.");
        },
      },
    },
  });
  people.httpServer.on("request", (req) => {
    if (req.url === "/graphql") stats.personRequests++;
  });
  return {
    ticks,
    people,
    stats,
    async close() {
      await Promise.all([ticks.stop(), people.stop()]);
      await pool.end();
    },
  };
}
