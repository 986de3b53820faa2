import { randomBytes } from "node:crypto";
import type { ScopedTx } from "@atelier/db";
import { NotFoundError, type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import { generateOpaqueToken, hashOpaqueToken } from "../auth/opaque-token";
import type { ApiClient, Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

/** A new key pair: the public key id and the secret (returned once, stored hashed). */
export function newApiKey(): { keyId: string; secret: string; secretHash: string } {
  const secret = generateOpaqueToken();
  return { keyId: `ak_${randomBytes(12).toString("hex")}`, secret, secretHash: hashOpaqueToken(secret) };
}

export const formatApiKey = (keyId: string, secret: string) => `${keyId}.${secret}`;

/** The API clients of the scope's tenant. */
export function createApiClientStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    /** NOT_FOUND for an unknown id or another tenant's client. */
    async find(id: string): Promise<ApiClient> {
      const client = await db.apiClient.findFirst({ where: { id, tenantId } });
      if (!client) throw new NotFoundError("No API client with that id in this tenant.");
      return client;
    },
    findOrNull: (id: string): Promise<ApiClient | null> => db.apiClient.findFirst({ where: { id, tenantId } }),
    create: (data: Omit<Prisma.ApiClientUncheckedCreateInput, "tenantId">): Promise<ApiClient> =>
      db.apiClient.create({ data: { ...data, tenantId } }),
    update: (id: string, data: Prisma.ApiClientUncheckedUpdateInput): Promise<ApiClient> =>
      db.apiClient.update({ where: { id, tenantId }, data }),
    page: (input: PageArgs) =>
      prismaKeysetPage(db, { table: `identity."api_clients"`, direction: "asc", scope: { tenantId } }, input, (page) =>
        db.apiClient.findMany({ where: { tenantId }, ...page }),
      ),
  };
}
