import type { GenerationStatus } from "../generated/prisma/client";

/** What `Query.credits` hands to CreditAccount's field resolvers: the caller's tenant. */
export interface CreditAccountParent {
  tenantId: string;
}

/** A generation stream event as the event queries shape it; the request is loaded on demand. */
export interface GenerationRequestEventParent {
  sequence: number;
  type: string;
  status: GenerationStatus;
  at: Date;
  generationRequestId: string;
}
