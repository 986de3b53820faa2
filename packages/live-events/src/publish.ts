import type { EventBus } from "@atelier/event-bus";
import { STREAM_EVENTS_CHANNEL, type StreamEventNotice } from "./stream-events";

/**
 * Publishes notices after their transaction committed. A lost publish (a crash between commit
 * and here) delays, never loses, an event: subscribers catch up by sequence on the next one
 * and on their periodic re-read.
 */
export async function publishStreamEvents(bus: EventBus, notices: StreamEventNotice[]): Promise<void> {
  for (const notice of notices) await bus.publish(STREAM_EVENTS_CHANNEL, { ...notice });
}
