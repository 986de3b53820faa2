/** The demo tenant and its owner, created through the public API the first time. */
export const DEMO = {
  email: "demo@atelier.local",
  password: "atelier-demo-password",
  fullName: "Demo Admin",
  username: "demo",
  tenantName: "Demo Studio",
  tenantSlug: "demo-studio",
};

async function graphql(url: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as {
    data?: Record<string, unknown>;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }`;
const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { accessToken } }`;

/** Logs the demo admin in through the gateway, signing up first if needed; returns "created" or "existing". */
export async function seedDemo(gatewayUrl: string): Promise<"created" | "existing"> {
  const login = await graphql(gatewayUrl, LOGIN, { input: { email: DEMO.email, password: DEMO.password } });
  if (!login.errors) return "existing";
  const signUp = await graphql(gatewayUrl, SIGN_UP, {
    input: {
      email: DEMO.email,
      password: DEMO.password,
      fullName: DEMO.fullName,
      username: DEMO.username,
      tenantName: DEMO.tenantName,
      tenantSlug: DEMO.tenantSlug,
    },
  });
  if (signUp.errors)
    throw new Error(`seeding the demo tenant failed: ${signUp.errors.map((e) => e.message).join("; ")}`);
  return "created";
}
