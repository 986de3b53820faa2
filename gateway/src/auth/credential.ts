/** What a client presented, before any verification. */
export interface CredentialInput {
  authorization?: string | null;
  apiKey?: string | null;
}

export type Credential = { kind: "none" } | { kind: "bearer"; token: string } | { kind: "apiKey"; key: string };

export class MalformedCredentialError extends Error {}

/** Reads `Authorization: Bearer …`, `Authorization: ApiKey …` or `x-api-key`; anything else is malformed. */
export function parseCredential(input: CredentialInput): Credential {
  const authorization = input.authorization?.trim();
  const apiKey = input.apiKey?.trim();
  if (authorization && apiKey) throw new MalformedCredentialError("send either Authorization or x-api-key, not both");
  if (apiKey) return { kind: "apiKey", key: apiKey };
  if (!authorization) return { kind: "none" };
  const space = authorization.indexOf(" ");
  const scheme = space === -1 ? authorization : authorization.slice(0, space);
  const value = space === -1 ? "" : authorization.slice(space + 1).trim();
  if (!value) throw new MalformedCredentialError(`Authorization header "${scheme}" carries no credential`);
  switch (scheme.toLowerCase()) {
    case "bearer":
      return { kind: "bearer", token: value };
    case "apikey":
      return { kind: "apiKey", key: value };
    default:
      throw new MalformedCredentialError(`unsupported Authorization scheme "${scheme}": use Bearer or ApiKey`);
  }
}
