import { IDENTITY_HEADER } from "@atelier/internal-auth";
import { signIdentity } from "@atelier/testing";
import type { Stack } from "./stack";

/** Credits come from billing, a system caller of creative, never from a client through the gateway. */
export async function grantCredits(stack: Stack, tenantId: string, amount: number): Promise<void> {
  const res = await fetch(stack.creative.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [IDENTITY_HEADER]: await signIdentity({ kind: "system", service: "billing" }),
    },
    body: JSON.stringify({
      query: `mutation($i: GrantCreditsInput!) { grantCredits(input: $i) { balance } }`,
      variables: { i: { tenantId, amount } },
    }),
  });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}
