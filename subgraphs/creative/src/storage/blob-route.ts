import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { Logger } from "@atelier/logging";
import { sendJson } from "@atelier/subgraph-kit";
import { blobPath } from "./local-disk-blob-store";
import type { UrlSigner } from "./url-signer";

async function receive(req: IncomingMessage, target: string, size: number): Promise<number> {
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.upload`;
  const out = createWriteStream(temp);
  let received = 0;
  try {
    for await (const chunk of req) {
      received += (chunk as Buffer).length;
      if (received > size) throw new Error("too large");
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (received !== size) throw new Error("size mismatch");
    await rename(temp, target);
    return received;
  } catch (error) {
    out.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * GET and PUT of local blobs. The signature is the credential: it names the operation, key,
 * content type, exact size and expiry, so a changed URL or an expired one is refused.
 */
export function createBlobRoute(opts: { root: string; signer: UrlSigner; log: Logger }) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const params = new URL(req.url ?? "/", "http://blobs").searchParams;
    const check = opts.signer.verify(params);
    if (!check.ok) return sendJson(res, check.status, { error: check.reason });
    const { grant } = check;
    const target = blobPath(opts.root, grant.key);
    if (grant.op === "put") {
      if (req.method !== "PUT") return sendJson(res, 405, { error: "this URL accepts PUT only" });
      const declared = req.headers["content-length"];
      if (declared !== undefined && Number(declared) !== grant.size) {
        return sendJson(res, 400, { error: `content-length must be ${grant.size}` });
      }
      try {
        await receive(req, target, grant.size);
      } catch (error) {
        return sendJson(res, 400, {
          error: `upload refused: ${(error as Error).message}; send exactly ${grant.size} bytes`,
        });
      }
      return sendJson(res, 200, { stored: grant.key, size: grant.size });
    }
    if (req.method !== "GET" && req.method !== "HEAD")
      return sendJson(res, 405, { error: "this URL accepts GET only" });
    const info = await stat(target).catch(() => null);
    if (!info) return sendJson(res, 404, { error: "not found" });
    res.writeHead(200, {
      "content-type": grant.contentType || "application/octet-stream",
      "content-length": String(info.size),
      "cache-control": "private, max-age=60",
    });
    if (req.method === "HEAD") return void res.end();
    const stream = createReadStream(target);
    stream.on("error", (err) => {
      opts.log.error({ err }, "blob read failed");
      res.destroy(err);
    });
    stream.pipe(res);
  };
}
