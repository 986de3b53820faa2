import { EventEmitter } from "node:events";

/**
 * Cancels a request's subgraph calls still in flight. undici takes an EventEmitter as a signal:
 * listening on one costs far less per call than on an AbortSignal (an EventTarget).
 */
export class Cancellation extends EventEmitter {
  aborted = false;

  constructor() {
    super();
    // One listener per subgraph call in flight, each removed when its call ends.
    this.setMaxListeners(0);
  }

  cancel(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.emit("abort");
  }
}
