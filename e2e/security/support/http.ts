/** A raw POST to a GraphQL endpoint: the status and the parsed body (null when it is not JSON). */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLBody | null; text: string }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: GraphQLBody | null = null;
  try {
    parsed = JSON.parse(text) as GraphQLBody;
  } catch {
    // Not JSON: the status tells.
  }
  return { status: res.status, body: parsed, text };
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const firstCode = (body: GraphQLBody | null) => body?.errors?.[0]?.extensions?.code ?? null;

/** True when the root field came back with a value and no error. */
export function succeeded(body: GraphQLBody | null, field: string): boolean {
  return !body?.errors?.length && body?.data?.[field] != null;
}
