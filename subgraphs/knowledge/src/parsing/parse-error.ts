/** Content that cannot be turned into text: the document becomes FAILED with this reason. */
export class ParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParseError";
  }
}
