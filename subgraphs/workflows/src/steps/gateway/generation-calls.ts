import type { GatewayClient } from "@atelier/gateway-client";
import type { DelegatedActor } from "@atelier/internal-auth";

/** The creative subgraph's generation request, as a GENERATION_REQUEST step reads it. */
export interface Generation {
  id: string;
  status:
    | "PENDING"
    | "PROCESSING_SAMPLES"
    | "AWAITING_SELECTION"
    | "PROCESSING_FINAL"
    | "COMPLETED"
    | "FAILED"
    | "CANCELLED"
    | "CONTENT_REJECTED";
  errorMessage: string | null;
  creditsCostSample: number;
  creditsCostFinal: number;
  samples: { id: string }[];
  selectedSample: { id: string } | null;
  finalAsset: { id: string; name: string; mimeType: string; resolution: string | null } | null;
}

const FIELDS = `fragment WorkflowGenerationFields on GenerationRequest {
  id status errorMessage creditsCostSample creditsCostFinal samples { id } selectedSample { id }
  finalAsset { id name mimeType resolution }
}`;

const CREATE = `mutation WorkflowCreateGeneration($input: CreateGenerationRequestInput!) {
  createGenerationRequest(input: $input) { generationRequest { ...WorkflowGenerationFields } }
} ${FIELDS}`;
const READ = `query WorkflowReadGeneration($id: ID!) {
  generationRequest(id: $id) { ...WorkflowGenerationFields }
} ${FIELDS}`;
const SELECT = `mutation WorkflowSelectSample($input: SelectGenerationSampleInput!) {
  selectGenerationSample(input: $input) { generationRequest { ...WorkflowGenerationFields } }
} ${FIELDS}`;
const CANCEL = `mutation WorkflowCancelGeneration($input: CancelGenerationRequestInput!) {
  cancelGenerationRequest(input: $input) { generationRequest { ...WorkflowGenerationFields } }
} ${FIELDS}`;

type Payload = { generationRequest: Generation };

/** The creative calls a step makes, each with a delegation naming only its own root field. */
export function generationCalls(gateway: GatewayClient, actor: DelegatedActor) {
  return {
    async create(input: Record<string, unknown>): Promise<Generation> {
      const data = await gateway.request<{ createGenerationRequest: Payload }>({
        actor,
        fields: ["Mutation.createGenerationRequest"],
        query: CREATE,
        variables: { input },
        operationName: "WorkflowCreateGeneration",
      });
      return data.createGenerationRequest.generationRequest;
    },
    async read(id: string): Promise<Generation | null> {
      const data = await gateway.request<{ generationRequest: Generation | null }>({
        actor,
        fields: ["Query.generationRequest"],
        query: READ,
        variables: { id },
        operationName: "WorkflowReadGeneration",
      });
      return data.generationRequest;
    },
    async select(id: string, sampleAssetId: string): Promise<Generation> {
      const data = await gateway.request<{ selectGenerationSample: Payload }>({
        actor,
        fields: ["Mutation.selectGenerationSample"],
        query: SELECT,
        variables: { input: { generationRequestId: id, sampleAssetId } },
        operationName: "WorkflowSelectSample",
      });
      return data.selectGenerationSample.generationRequest;
    },
    async cancel(id: string): Promise<Generation> {
      const data = await gateway.request<{ cancelGenerationRequest: Payload }>({
        actor,
        fields: ["Mutation.cancelGenerationRequest"],
        query: CANCEL,
        variables: { input: { generationRequestId: id } },
        operationName: "WorkflowCancelGeneration",
      });
      return data.cancelGenerationRequest.generationRequest;
    },
  };
}

export type GenerationCalls = ReturnType<typeof generationCalls>;
