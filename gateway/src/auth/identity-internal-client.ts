import { IDENTITY_HEADER, type InternalTokenSigner } from "@atelier/internal-auth";

export type InternalCallResult<T> = { ok: true; body: T } | { ok: false; status: number };

/**
 * Calls the identity subgraph's internal endpoints as the gateway's system identity.
 * A 401/403/404 is an answer ("not known"); any other failure is thrown, so an identity outage
 * is not mistaken for a bad credential and cached as one.
 */
export function createIdentityInternalClient(opts: { baseUrl: string; signer: InternalTokenSigner }) {
  return {
    async post<T>(path: string, payload: unknown): Promise<InternalCallResult<T>> {
      const token = await opts.signer.sign({ kind: "system", service: "gateway" });
      const response = await fetch(`${opts.baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", [IDENTITY_HEADER]: token },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(5_000),
      });
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        await response.body?.cancel();
        return { ok: false, status: response.status };
      }
      if (!response.ok) throw new Error(`identity ${path} answered HTTP ${response.status}`);
      return { ok: true, body: (await response.json()) as T };
    },
  };
}

export type IdentityInternalClient = ReturnType<typeof createIdentityInternalClient>;
