import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createDelegationVerifier, generateInternalKeyPair } from "@atelier/internal-auth";

/** An asset as creative would hold it, with the bytes of each version. */
export interface StubAsset {
  id: string;
  tenantId: string;
  workspaceId: string;
  name: string;
  versions: { id: string; mimeType: string; bytes: Buffer; ready: boolean }[];
}

/**
 * A stand-in for the gateway in front of creative, over real HTTP: it verifies knowledge's
 * delegation (signature, audience, the root field named), answers `Query.asset` for the
 * delegated actor's tenant only, and serves version bytes from signed URLs it can expire.
 */
export async function startGatewayStub() {
  const keys = generateInternalKeyPair();
  const verifier = createDelegationVerifier({ knowledge: keys.publicKey });
  const assets = new Map<string, StubAsset>();
  /** URLs handed out; the bytes route refuses any that was expired by a test. */
  const urls = new Map<string, { versionId: string; expired: boolean }>();
  const stub = {
    url: "",
    privateKey: keys.privateKey,
    assets,
    reads: 0,
    /** Workspace references checked (Query.workspace). */
    workspaceChecks: 0,
    /** Bytes served from the storage route. */
    downloads: 0,
    /** The first URL issued for each version is refused when fetched (as if it had expired). */
    expireFirstUrls: false,
    put(asset: Omit<StubAsset, "id"> & { id?: string }): StubAsset {
      const full = { ...asset, id: asset.id ?? randomUUID() };
      assets.set(full.id, full);
      return full;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const issued = new Set<string>();
  const signUrl = (versionId: string) => {
    const token = randomUUID();
    const expired = stub.expireFirstUrls && !issued.has(versionId);
    issued.add(versionId);
    urls.set(token, { versionId, expired });
    return `${stub.url}/blobs/${token}`;
  };

  async function graphql(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { variables: { id: string } };
    const reply = (payload: unknown) =>
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(payload));
    let delegation: Awaited<ReturnType<typeof verifier.verify>>;
    try {
      delegation = await verifier.verify((req.headers.authorization ?? "").replace(/^Bearer /, ""));
    } catch (error) {
      return reply({ errors: [{ message: (error as Error).message, extensions: { code: "UNAUTHENTICATED" } }] });
    }
    if (delegation.fields.includes("Query.workspace")) {
      // Creative's workspaces, as far as the stub knows them: those of its assets, per tenant.
      stub.workspaceChecks++;
      const known = [...assets.values()].some(
        (a) => a.workspaceId === body.variables.id && a.tenantId === delegation.actor.tenantId,
      );
      return reply({ data: { workspace: known ? { id: body.variables.id } : null } });
    }
    if (!delegation.fields.includes("Query.asset")) {
      return reply({ errors: [{ message: "field not delegated", extensions: { code: "FORBIDDEN" } }] });
    }
    stub.reads++;
    const asset = assets.get(body.variables.id);
    if (!asset || asset.tenantId !== delegation.actor.tenantId) return reply({ data: { asset: null } });
    const version = (v: StubAsset["versions"][number], i: number) => ({
      id: v.id,
      versionNumber: i + 1,
      status: v.ready ? "READY" : "PENDING_UPLOAD",
      mimeType: v.mimeType,
      sizeBytes: v.bytes.byteLength,
      downloadUrl: v.ready ? signUrl(v.id) : null,
    });
    const versions = asset.versions.map(version);
    reply({
      data: {
        asset: {
          id: asset.id,
          name: asset.name,
          workspace: { id: asset.workspaceId },
          latestVersion: versions.filter((v) => v.status === "READY").at(-1) ?? null,
          versions,
        },
      },
    });
  }

  function blob(req: IncomingMessage, res: ServerResponse) {
    const grant = urls.get(req.url!.slice("/blobs/".length));
    const version = grant && [...assets.values()].flatMap((a) => a.versions).find((v) => v.id === grant.versionId);
    if (!grant || grant.expired || !version) return res.writeHead(403).end("expired");
    stub.downloads++;
    res.writeHead(200, { "content-type": version.mimeType }).end(version.bytes);
  }

  const server = createServer((req, res) => {
    if (req.url?.startsWith("/blobs/")) return blob(req, res);
    graphql(req, res).catch((error) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}

export type GatewayStub = Awaited<ReturnType<typeof startGatewayStub>>;
