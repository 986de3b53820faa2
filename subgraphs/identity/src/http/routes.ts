import { sendJson } from "@atelier/subgraph-kit";
import { z } from "zod";
import type { IdentityServices } from "../context";
import { resolveCurrentAccess } from "../domain/resolve-current-access";
import { resolveDelegatedActor } from "../domain/resolve-delegated-actor";
import { resolveOidcUser } from "../domain/resolve-oidc-user";
import { verifyApiKey } from "../domain/verify-api-key";
import { internalJsonRoute } from "./json-route";
import { persistedOperationRoutes } from "./persisted-operation-routes";

const apiKeyBody = z.object({ apiKey: z.string().min(1).max(512) });
const oidcBody = z.object({
  issuer: z.string().min(1).max(512),
  subject: z.string().min(1).max(512),
  email: z.email().max(254).nullish(),
  emailVerified: z.boolean().default(false),
});
const delegatedActorBody = z.object({
  actor: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("user"), userId: z.uuid(), tenantId: z.uuid() }),
    z.object({ kind: z.literal("apiClient"), apiClientId: z.uuid(), tenantId: z.uuid() }),
  ]),
});

/** At most this many subjects per call: the gateway batches its cache misses. */
const MAX_ACCESS_SUBJECTS = 100;
const accessBody = z.object({
  subjects: z
    .array(z.object({ userId: z.uuid(), tenantId: z.uuid().nullable(), sessionId: z.uuid().nullable() }))
    .min(1)
    .max(MAX_ACCESS_SUBJECTS),
});

/** Plain HTTP routes next to /graphql: the public JWKS and the gateway's internal endpoints. */
export function identityRoutes(services: IdentityServices) {
  return {
    ...persistedOperationRoutes(services),
    "/.well-known/jwks.json": async (_req: unknown, res: Parameters<typeof sendJson>[0]) =>
      sendJson(res, 200, services.tokens.jwks(), { "cache-control": "public, max-age=300" }),
    "/internal/api-keys/verify": internalJsonRoute(apiKeyBody, async ({ apiKey }) => {
      const verified = await verifyApiKey(services, apiKey);
      return verified ? { status: 200, body: verified } : { status: 401, body: { error: "unauthenticated" } };
    }),
    "/internal/oidc/resolve": internalJsonRoute(oidcBody, async (body) => {
      const resolved = await resolveOidcUser(services, { ...body, email: body.email ?? null });
      return resolved ? { status: 200, body: resolved } : { status: 401, body: { error: "unauthenticated" } };
    }),
    "/internal/delegations/resolve": internalJsonRoute(delegatedActorBody, async ({ actor }) => {
      const resolved = await resolveDelegatedActor(services, actor);
      return resolved ? { status: 200, body: resolved } : { status: 401, body: { error: "unauthenticated" } };
    }),
    "/internal/access/resolve": internalJsonRoute(accessBody, async ({ subjects }) => ({
      status: 200,
      body: { results: await resolveCurrentAccess(services, subjects) },
    })),
  };
}
