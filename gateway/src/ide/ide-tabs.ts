/**
 * The IDE's first tabs: signing in comes first, since every other operation needs its token.
 * No header is preset: a placeholder token would make every request fail, `login` included.
 */
export const IDE_TABS = [
  {
    query: `# 1. Run this to sign in (npm start prints the demo account).
# 2. Copy accessToken into Headers below: { "Authorization": "Bearer <accessToken>" }
mutation SignIn($input: LoginInput!) {
  login(input: $input) {
    accessToken
    accessTokenExpiresAt
  }
}
`,
    variables: JSON.stringify({ input: { email: "demo@atelier.local", password: "atelier-demo-password" } }, null, 2),
  },
  {
    query: `# Needs the Authorization header from the first tab.
query Me {
  me {
    id
    email
    fullName
  }
  myMemberships {
    role
    tenant {
      name
    }
  }
}
`,
  },
];
