/** A refused credential: reaches the client as UNAUTHENTICATED with this message. */
export class AuthenticationError extends Error {
  readonly code = "UNAUTHENTICATED";

  constructor(message: string) {
    super(message);
    this.name = "AuthenticationError";
  }
}
