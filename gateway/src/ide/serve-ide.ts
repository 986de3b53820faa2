import type { ServerResponse } from "node:http";
import { IDE_ASSET_PREFIX, ideAssets } from "./ide-assets";

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL's editors set inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
].join("; ");

function idePage(): string {
  const { names } = ideAssets();
  const asset = (name: string) => `${IDE_ASSET_PREFIX}${name}`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Atelier GraphQL IDE</title>
  <link rel="stylesheet" href="${asset(names.graphiqlCss)}">
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="${asset(names.react)}"></script>
  <script src="${asset(names.reactDom)}"></script>
  <script src="${asset(names.graphiqlJs)}"></script>
  <script src="${asset(names.mountScript)}"></script>
</body>
</html>
`;
}

export function serveIdePage(res: ServerResponse): void {
  const body = idePage();
  res.writeHead(200, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-cache",
    "content-security-policy": CONTENT_SECURITY_POLICY,
  });
  res.end(body);
}

/** Serves one IDE asset; false when the path names none. */
export function serveIdeAsset(pathname: string, res: ServerResponse): boolean {
  if (!pathname.startsWith(IDE_ASSET_PREFIX)) return false;
  const asset = ideAssets().byName.get(pathname.slice(IDE_ASSET_PREFIX.length));
  if (!asset) return false;
  res.writeHead(200, {
    "content-type": asset.contentType,
    "content-length": asset.body.length,
    "cache-control": "public, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
  });
  res.end(asset.body);
  return true;
}
