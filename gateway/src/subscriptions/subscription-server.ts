import type { Server } from "node:http";
import type { Identity } from "@atelier/internal-auth";
import { delegationOf } from "@atelier/internal-auth";
import type { Logger } from "@atelier/logging";
import { type ExecutionArgs, type ExecutionResult, GraphQLError, type GraphQLSchema, getOperationAST } from "graphql";
import { CloseCode } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import type { SubscriptionAdmission } from "../admission/admit-subscription";
import type { Authenticate } from "../auth/authenticate";
import type { CredentialInput } from "../auth/credential";
import type { SocketAccessWatch } from "./access-watch";
import { toCatchUpOperation, UnsupportedSubscriptionError } from "./catch-up-operation";
import { type CatchUpExecutor, startLiveSubscription } from "./live-subscription";
import type { SubscriptionRegistry } from "./registry";
import type { TopicHub } from "./topic-hub";
import { selectsNothingViewerDependent, type ViewerDependence } from "./viewer-dependence";

export interface SubscriptionServerOptions {
  httpServer: Server;
  path: string;
  getSchema: () => GraphQLSchema;
  authenticate: Authenticate;
  allowAnonymous: boolean;
  registry: SubscriptionRegistry;
  /** Which types and fields differ between viewers alike in tenant and role; null: all of them. */
  viewerDependence: ViewerDependence | null;
  hub: TopicHub;
  execute: CatchUpExecutor;
  logger: Logger;
  pageSize?: number;
  resyncMs?: number;
  /** Rate limit, persisted operations and limits, as for HTTP (admission/admit-operation). */
  admit: SubscriptionAdmission;
  /** Re-checks open sockets on access notices and token expiry. */
  accessWatch: SocketAccessWatch;
}

type SocketExtra = {
  socket: { close(code: number, reason: string): void };
  identity?: Identity;
  stopWatching?: () => void;
};

function stringParam(params: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const n of names) if (typeof params[n] === "string") return params[n] as string;
  return undefined;
}

const failure = (message: string, code: string): ExecutionResult => ({
  errors: [new GraphQLError(message, { extensions: { code } })],
});

/**
 * graphql-ws (`graphql-transport-ws`) on the gateway's own path. The token comes in
 * `connection_init`; a missing or bad one closes the socket with 4401.
 */
export function attachSubscriptionServer(opts: SubscriptionServerOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: opts.httpServer, path: opts.path });
  const pageSize = opts.pageSize ?? 100;
  const server = useServer<Record<string, unknown>, SocketExtra>(
    {
      schema: () => opts.getSchema(),
      onConnect: async (ctx) => {
        const params = (ctx.connectionParams ?? {}) as Record<string, unknown>;
        const headers = (typeof params.headers === "object" && params.headers ? params.headers : {}) as Record<
          string,
          unknown
        >;
        const credential: CredentialInput = {
          authorization:
            stringParam(params, "authorization", "Authorization") ??
            stringParam(headers, "authorization", "Authorization"),
          apiKey: stringParam(params, "apiKey", "x-api-key") ?? stringParam(headers, "x-api-key"),
        };
        try {
          const identity = await opts.authenticate(credential);
          if (identity.kind === "anonymous" && !opts.allowAnonymous) {
            ctx.extra.socket.close(CloseCode.Unauthorized, "Unauthorized: send a token in connection_init");
            return false;
          }
          // Delegations are for a service's single calls, not for holding a live feed open.
          if (delegationOf(identity)) {
            ctx.extra.socket.close(CloseCode.Forbidden, "Forbidden: delegations cannot subscribe");
            return false;
          }
          ctx.extra.identity = identity;
          const { socket } = ctx.extra;
          ctx.extra.stopWatching = opts.accessWatch.watch({
            credential,
            identity,
            close: (code, reason) => socket.close(code, reason),
          });
          return true;
        } catch (error) {
          ctx.extra.socket.close(CloseCode.Unauthorized, `Unauthorized: ${(error as Error).message}`.slice(0, 120));
          return false;
        }
      },
      onClose: (ctx) => ctx.extra.stopWatching?.(),
      // Same admission as HTTP: rate limit by the client's address too, ids to documents, limits.
      onSubscribe: async (ctx, _id, payload) => {
        const identity = ctx.extra.identity;
        if (!identity) return;
        return opts.admit(identity, ctx.extra.request, payload, opts.getSchema());
      },
      context: (ctx) => ({ identity: ctx.extra.identity }),
      execute: () => failure("Send queries and mutations over HTTP; this socket serves subscriptions.", "BAD_REQUEST"),
      subscribe: async (args: ExecutionArgs) => {
        const identity = (args.contextValue as { identity?: Identity }).identity;
        if (!identity) return failure("Not authenticated.", "UNAUTHENTICATED");
        const operation = getOperationAST(args.document, args.operationName);
        if (operation?.operation !== "subscription")
          return failure("Expected a subscription operation.", "BAD_USER_INPUT");
        const variables = (args.variableValues ?? {}) as Record<string, unknown>;
        try {
          const catchUp = toCatchUpOperation(operation, args.document, opts.registry, pageSize, variables);
          // Provably the same answer for every viewer alike in tenant and role: one read serves them.
          if (selectsNothingViewerDependent(args.schema, opts.viewerDependence, catchUp.query)) {
            catchUp.audience = "tenant-role";
          }
          await opts.hub.start();
          return startLiveSubscription({
            operation: catchUp,
            variables,
            identity,
            hub: opts.hub,
            execute: opts.execute,
            pageSize,
            resyncMs: opts.resyncMs ?? 5_000,
            log: opts.logger,
          });
        } catch (error) {
          if (error instanceof UnsupportedSubscriptionError) return failure(error.message, "BAD_USER_INPUT");
          throw error;
        }
      },
    },
    wss,
  );
  return {
    async close() {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
