/**
 * Thrown where the fast path would answer differently from Apollo (an error to report, a feature it
 * does not implement): the request is then answered by Apollo Server and Apollo Gateway instead.
 */
export class Bail extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "Bail";
  }
}
