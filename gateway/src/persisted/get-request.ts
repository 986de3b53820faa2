import type { GraphQLRequestBody } from "./resolve-operation";

const JSON_PARAMS = ["extensions"] as const;

/** GET /graphql parameters as a request body (extensions parsed; variables left for Apollo to parse). */
export function requestFromSearch(params: URLSearchParams): GraphQLRequestBody {
  const request: GraphQLRequestBody = {};
  for (const [name, value] of params) request[name] = value;
  for (const name of JSON_PARAMS) {
    const raw = params.get(name);
    if (raw === null) continue;
    try {
      request[name] = JSON.parse(raw);
    } catch {
      request[name] = raw;
    }
  }
  return request;
}

/** The resolved request back into a query string for Apollo's GET handling. */
export function searchFromRequest(request: GraphQLRequestBody): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(request)) {
    if (value === undefined || value === null) continue;
    if (typeof value === "object" && Object.keys(value).length === 0) continue;
    params.set(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}
