/** graphql-js words the token limit as a syntax error ("more that N tokens"): this tells it apart. */
export const exceedsTokenLimit = (parseErrorMessage: string): boolean =>
  parseErrorMessage.includes("tokens. Parsing aborted");

/** What the client reads instead, naming the limit. */
export const tokenLimitMessage = (maxTokens: number): string =>
  `operation has more than ${maxTokens} tokens, the maximum (MAX_TOKENS)`;
