import type { ScopedTx, SqlTx } from "@atelier/db";
import {
  createDocumentStore,
  type DocumentPatch,
  type DocumentRecord,
  type DocumentStatus,
  type IngestionState,
} from "../data/document-store";
import { createStatusEventStore, type DocumentEventType } from "../data/status-event-store";
import type { IngestJob, KnowledgeServices } from "../services";
import { jobScope } from "./job-scope";

export type Patch = DocumentPatch;

/** The document left the state this job works on (failed, deleted, or re-requested): the job stops. */
export class IngestionSuperseded extends Error {
  constructor(documentId: string) {
    super(`ingestion of ${documentId} was superseded`);
    this.name = "IngestionSuperseded";
  }
}

export interface Step {
  /** Statuses the step applies from; in any other the job is superseded. */
  from: DocumentStatus[];
  /** The status event to append, or null for a change no subscriber needs. */
  type: DocumentEventType | null;
  /** The change, computed in the transaction under the row lock; null changes nothing. */
  apply: (tx: ScopedTx<SqlTx>, state: IngestionState) => Promise<Patch | null> | Patch | null;
}

/**
 * Applies one ingestion step to the document, with its status event, in one transaction, and
 * announces it after commit. The row lock and the status check make duplicate deliveries of a
 * job harmless: each step applies once, and a job whose document was failed, deleted or
 * re-requested meanwhile throws `IngestionSuperseded` instead of writing.
 */
export async function transition(s: KnowledgeServices, job: IngestJob, step: Step): Promise<DocumentRecord | null> {
  return jobScope(s, job.tenantId).write(async (tx) => {
    const documents = createDocumentStore(tx);
    const state = await documents.lockIngestionState(job.documentId);
    const current = job.requestSequence === undefined || state?.requestSequence === job.requestSequence;
    if (!state || !current || !step.from.includes(state.status)) throw new IngestionSuperseded(job.documentId);
    const data = await step.apply(tx, state);
    if (!data) return null;
    const updated = await documents.patch(job.documentId, data);
    if (updated && step.type) tx.publish(await createStatusEventStore(tx).append(updated, step.type));
    return updated;
  });
}
