import type { IncomingMessage } from "node:http";
import type { Identity } from "@atelier/internal-auth";
import { type ExecutionArgs, GraphQLError, type GraphQLSchema } from "graphql";
import { clientInfo } from "../http/client-info";
import type { Refusal } from "../persisted/persisted-errors";
import { type AdmissionDeps, admitOperation } from "./admit-operation";

/** A `subscribe` message's payload, as graphql-ws hands it to onSubscribe. */
export interface SubscribePayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

/** graphql-ws's onSubscribe answer: the errors it sends back, or what it executes. */
export type SubscriptionAdmission = (
  identity: Identity,
  /** The socket's upgrade request: its peer (or trusted X-Forwarded-For) is the client's address. */
  upgrade: IncomingMessage,
  payload: SubscribePayload,
  schema: GraphQLSchema,
) => Promise<readonly GraphQLError[] | ExecutionArgs>;

export function refusalErrors(refusal: Refusal): readonly GraphQLError[] {
  return (
    refusal.errors ?? [new GraphQLError(refusal.message, { extensions: { code: refusal.code, ...refusal.extensions } })]
  );
}

/** admitOperation for a subscription on a WebSocket: the same rules, codes and client address as HTTP. */
export function createSubscriptionAdmission(deps: AdmissionDeps, trustProxyHops: number): SubscriptionAdmission {
  return async (identity, upgrade, payload, schema) => {
    const admission = await admitOperation(deps, {
      identity,
      clientAddress: clientInfo(upgrade, trustProxyHops).ip ?? undefined,
      operations: [payload],
      schema,
    });
    if (!admission.ok) return refusalErrors(admission.refusal);
    const request = admission.operations[0] as Record<string, unknown>;
    Object.assign(payload, { query: request.query ?? "", extensions: request.extensions });
    return {
      schema,
      document: admission.documents[0]!,
      operationName: payload.operationName,
      variableValues: payload.variables,
    };
  };
}
