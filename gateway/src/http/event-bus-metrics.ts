import type { EventBus } from "@atelier/event-bus";
import { counter, gauge } from "@atelier/service-runtime";

/** The event bus on /metrics: whether its listening connection is up, and how often it came back. */
export function exposeEventBusMetrics(bus: EventBus): void {
  const reconnects = counter("atelier_event_bus_reconnects_total", "Event-bus reconnects after a lost connection");
  reconnects.inc(0);
  bus.onReconnect(() => reconnects.inc());
  gauge("atelier_event_bus_connected", "1 while the event bus's listening connection is up", [], function () {
    this.set(bus.state().connected ? 1 : 0);
  });
}
