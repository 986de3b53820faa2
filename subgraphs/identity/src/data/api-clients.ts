import { randomBytes } from "node:crypto";
import { NotFoundError } from "@atelier/subgraph-kit";
import { generateOpaqueToken, hashOpaqueToken } from "../auth/opaque-token";
import type { Db } from "./db";

/** A new key pair: the public key id and the secret (returned once, stored hashed). */
export function newApiKey(): { keyId: string; secret: string; secretHash: string } {
  const secret = generateOpaqueToken();
  return { keyId: `ak_${randomBytes(12).toString("hex")}`, secret, secretHash: hashOpaqueToken(secret) };
}

export const formatApiKey = (keyId: string, secret: string) => `${keyId}.${secret}`;

export async function findApiClientInTenant(db: Db, tenantId: string, id: string) {
  const client = await db.apiClient.findFirst({ where: { id, tenantId } });
  if (!client) throw new NotFoundError("No API client with that id in this tenant.");
  return client;
}
