import { systemActor } from "@atelier/subgraph-kit";
import { createWorkflowScope, type WorkflowScope } from "../scope";
import type { WorkflowServices } from "../services";
import type { RunJob } from "./enqueue-run";

/**
 * The scope a worker acts in for a run job: the job's tenant, as the workflows service. The job
 * was claimed across tenants (`crossTenant("job-claim", …)` in start-worker.ts); everything it
 * reads and writes of the run happens here, under the tenant's row-level security.
 */
export function runScope(services: WorkflowServices, job: RunJob): WorkflowScope {
  return createWorkflowScope(services, systemActor(job.tenantId, "workflows"));
}
