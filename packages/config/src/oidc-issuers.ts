import { z } from "zod";
import { jsonEnv } from "./env-values";

/** An external OpenID Connect issuer whose ID tokens are accepted (identity links, the gateway verifies). */
export const oidcIssuerSchema = z.object({
  issuer: z.string().min(1),
  jwksUri: z.url(),
  audience: z.union([z.string(), z.array(z.string())]),
});
export type OidcIssuer = z.infer<typeof oidcIssuerSchema>;

/** OIDC_ISSUERS: JSON `[{ "issuer", "jwksUri", "audience" }]`, read by identity and the gateway alike. */
export const oidcIssuersEnv = jsonEnv(z.array(oidcIssuerSchema), "[{ issuer, jwksUri, audience }]", []);
