import { randomUUID } from "node:crypto";

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** POSTs an operation to the gateway, as a frontend would. */
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GraphQLResponse<T>;
}

/** Data of a response that must succeed. */
export async function ok<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
) {
  const response = await gql<T>(url, query, variables, token);
  if (response.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken user { id email fullName } tenant { id } } }`;

/** A new user owning a new tenant, signed up through the gateway. */
export async function signUp(url: string, name = "Studio") {
  const suffix = randomUUID().slice(0, 8);
  const data = await ok(url, SIGN_UP, {
    input: {
      email: `owner-${suffix}@example.com`,
      password: "correct horse battery staple",
      fullName: `${name} Owner ${suffix}`,
      tenantName: `${name} ${suffix}`,
    },
  });
  const auth = data.signUp as {
    accessToken: string;
    user: { id: string; email: string; fullName: string };
    tenant: { id: string };
  };
  return { token: auth.accessToken, user: auth.user, tenantId: auth.tenant.id };
}
