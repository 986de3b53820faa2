import { STREAM_EVENTS_CHANNEL } from "@atelier/live-events";
import { syncDocumentVectors } from "../ingestion/sync-document-vectors";
import type { KnowledgeServices } from "../services";

const PREFIX = "documentStatusUpdated:";

/**
 * Keeps this process's vector store in step with documents changed by any process (a worker
 * elsewhere, another replica): each status notice re-syncs that document, one at a time per document.
 */
export function followDocumentEvents(services: KnowledgeServices): Promise<() => Promise<void>> {
  const pending = new Map<string, Promise<void>>();
  return services.bus.subscribe(STREAM_EVENTS_CHANNEL, (message) => {
    const topics = Array.isArray(message.topics) ? (message.topics as string[]) : [];
    const topic = topics.find((t) => t.startsWith(PREFIX));
    if (!topic || typeof message.tenantId !== "string") return;
    const documentId = topic.slice(PREFIX.length);
    const previous = pending.get(documentId) ?? Promise.resolve();
    const next = previous
      .then(() => syncDocumentVectors(services, message.tenantId as string, documentId))
      .catch((error) => services.log.warn({ err: error, documentId }, "vector sync failed"))
      .finally(() => {
        if (pending.get(documentId) === next) pending.delete(documentId);
      });
    pending.set(documentId, next);
  });
}
