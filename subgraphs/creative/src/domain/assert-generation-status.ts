import { ConflictError } from "@atelier/subgraph-kit";
import type { GenerationStatus } from "../generated/prisma/client";

/** CONFLICT unless the request is in one of the `allowed` states. */
export function assertGenerationStatus(
  request: { id: string; status: GenerationStatus },
  allowed: GenerationStatus[],
  action: string,
) {
  if (allowed.includes(request.status)) return;
  throw new ConflictError(
    `Generation request ${request.id} is ${request.status}; ${action} needs ${allowed.join(" or ")}.`,
    {
      status: request.status,
    },
  );
}
