import { publishStreamEvents, type StreamEventNotice } from "@atelier/live-events";
import type { CreativeServices } from "../context";

/** After commit: a failed publish only delays subscribers (they catch up by sequence), so it is logged, not thrown. */
export async function publishNotices(services: CreativeServices, notices: StreamEventNotice[]): Promise<void> {
  if (!notices.length) return;
  try {
    await publishStreamEvents(services.bus, notices);
  } catch (error) {
    services.log.warn({ err: error }, "publishing stream events failed; subscribers will catch up");
  }
}
