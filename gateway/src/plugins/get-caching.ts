import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../context";

/**
 * Successful queries over GET (persisted ids make URLs short) may be cached by the caller's own
 * HTTP cache: private, briefly, and varying with the credential.
 */
export function getCachingPlugin(maxAgeSeconds: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      if (request.http?.method !== "GET" || maxAgeSeconds === 0) return;
      return {
        async willSendResponse({ response, operation, errors }) {
          const body = response.body;
          const failed =
            (errors?.length ?? 0) > 0 || (body.kind === "single" && (body.singleResult.errors?.length ?? 0) > 0);
          if (failed || operation?.operation !== "query") return;
          response.http.headers.set("cache-control", `private, max-age=${maxAgeSeconds}`);
          response.http.headers.set("vary", "authorization, x-api-key");
        },
      };
    },
  };
}
