import type { ApolloServerPlugin } from "@apollo/server";
import type { GatewayContext } from "../context";
import { OPERATION_ID_EXTENSION } from "../persisted/resolve-operation";
import type { UsageRecorder } from "../usage/usage-recorder";

/** Records each API client's operation, outcome and latency once its response is ready. */
export function usageRecordingPlugin(recorder: UsageRecorder): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const { identity } = contextValue;
      if (identity.kind !== "apiClient") return;
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName, errors }) {
          const body = response.body;
          const failed =
            (errors?.length ?? 0) > 0 || (body.kind === "single" && (body.singleResult.errors?.length ?? 0) > 0);
          const operationId = request.extensions?.[OPERATION_ID_EXTENSION];
          recorder.record({
            tenantId: identity.tenantId,
            apiClientId: identity.apiClientId,
            operationId: typeof operationId === "string" ? operationId : null,
            operationName: operationName ?? request.operationName ?? null,
            ok: !failed,
            latencyMs: performance.now() - started,
          });
        },
      };
    },
  };
}
