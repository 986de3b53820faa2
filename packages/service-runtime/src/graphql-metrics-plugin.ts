import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { recordGraphQLRequest } from "./metrics";

/** Counts every GraphQL operation by name and outcome ("ok" or "error") and times it. */
export function graphqlMetricsPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, response }) {
          const body = response.body;
          const failed =
            (response.http.status ?? 200) >= 400 ||
            (body.kind === "single" ? (body.singleResult.errors?.length ?? 0) > 0 : false);
          recordGraphQLRequest(operationName, failed ? "error" : "ok", (performance.now() - started) / 1000);
        },
      };
    },
  };
}
