import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { IDE_SCRIPT } from "./ide-script";

const require = createRequire(import.meta.url);

export const IDE_ASSET_PREFIX = "/graphql/ide/";

interface IdeAsset {
  body: Buffer;
  contentType: string;
}

function packageFile(pkg: string, file: string): { path: string; version: string } {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const { version } = JSON.parse(readFileSync(manifestPath, "utf8")) as { version: string };
  return { path: join(dirname(manifestPath), file), version };
}

const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";

type IdeAssetRole = "graphiqlJs" | "graphiqlCss" | "react" | "reactDom" | "mountScript";

export interface IdeAssets {
  /** The file name serving each role, for the HTML page. */
  names: Record<IdeAssetRole, string>;
  /** The bytes by file name, for the static route. */
  byName: Map<string, IdeAsset>;
}

/**
 * GraphiQL and React served from node_modules through the gateway: the IDE works offline and
 * never loads a CDN. Versions sit in the file names, so the assets can be cached forever.
 */
function loadIdeAssets(): IdeAssets {
  const graphiqlJs = packageFile("graphiql", "graphiql.min.js");
  const graphiqlCss = packageFile("graphiql", "graphiql.min.css");
  const react = packageFile("react", "umd/react.production.min.js");
  const reactDom = packageFile("react-dom", "umd/react-dom.production.min.js");
  const names: Record<IdeAssetRole, string> = {
    graphiqlJs: `graphiql-${graphiqlJs.version}.min.js`,
    graphiqlCss: `graphiql-${graphiqlCss.version}.min.css`,
    react: `react-${react.version}.production.min.js`,
    reactDom: `react-dom-${reactDom.version}.production.min.js`,
    mountScript: `atelier-ide-${graphiqlJs.version}.js`,
  };
  const byName = new Map<string, IdeAsset>([
    [names.graphiqlJs, { body: readFileSync(graphiqlJs.path), contentType: JS }],
    [names.graphiqlCss, { body: readFileSync(graphiqlCss.path), contentType: CSS }],
    [names.react, { body: readFileSync(react.path), contentType: JS }],
    [names.reactDom, { body: readFileSync(reactDom.path), contentType: JS }],
    [names.mountScript, { body: Buffer.from(IDE_SCRIPT), contentType: JS }],
  ]);
  return { names, byName };
}

let loaded: IdeAssets | undefined;

/** Read from disk on first use: a gateway that never serves the IDE never loads 1 MB of it. */
export function ideAssets(): IdeAssets {
  loaded ??= loadIdeAssets();
  return loaded;
}
