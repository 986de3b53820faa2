import http from "node:http";

/** The demo tenant and its owner, created through the public API the first time. */
export const DEMO = {
  email: "demo@atelier.local",
  password: "atelier-demo-password",
  fullName: "Demo Admin",
  username: "demo",
  tenantName: "Demo Studio",
  tenantSlug: "demo-studio",
};

/** POST through node:http: fetch refuses the fetch spec's blocked ports (PORT_BASE=6000). */
function graphql(url: string, query: string, variables: Record<string, unknown>): Promise<GraphQLAnswer> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          try {
            resolve(JSON.parse(text) as GraphQLAnswer);
          } catch {
            reject(new Error(`the gateway answered ${res.statusCode} with no GraphQL response`));
          }
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

interface GraphQLAnswer {
  data?: Record<string, unknown>;
  errors?: { message: string; extensions?: { code?: string } }[];
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
