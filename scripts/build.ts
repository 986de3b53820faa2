/**
 * `npm run build`: every service's process as one ES module under `dist/<name>/index.mjs`, run with
 * plain `node` (no tsx). Our own code (services and @atelier/* packages) is bundled; npm packages
 * stay external and must be production dependencies of a workspace, which this build checks.
 */
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { build, type Plugin } from "esbuild";
import { ENTRIES } from "./build/entries";

const root = path.resolve(import.meta.dirname, "..");

const packageName = (specifier: string) =>
  specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : (specifier.split("/")[0] ?? specifier);

/** npm packages stay in node_modules; @atelier/* workspaces are bundled. */
const externalNpmPackages = (used: Set<string>): Plugin => ({
  name: "external-npm-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@atelier/")) return undefined;
      if (!args.path.startsWith("node:") && !builtinModules.includes(args.path)) used.add(packageName(args.path));
      return { path: args.path, external: true };
    });
  },
});

/**
 * A module that finds files beside itself (SDL, the supergraph) keeps doing so from the bundle:
 * its `import.meta.url` becomes its source file's URL, relative to the bundle's.
 */
const keepModuleUrls = (entry: string, outDir: string): Plugin => ({
  name: "keep-module-urls",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      if (args.path === entry || !source.includes("import.meta.")) return undefined;
      const relative = path.relative(outDir, args.path).split(path.sep).join("/");
      const url = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
      return {
        contents: source
          .replaceAll("import.meta.url", url)
          .replaceAll("import.meta.dirname", `__moduleDirname(${url})`),
        loader: "ts",
      };
    });
  },
});

/** Packages any workspace lists as a production dependency. */
function productionDependencies(): Set<string> {
  const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
    packages: Record<string, { dependencies?: Record<string, string> }>;
  };
  const names = new Set<string>();
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (where.includes("node_modules/")) continue;
    for (const name of Object.keys(entry.dependencies ?? {})) names.add(name);
  }
  return names;
}

const used = new Set<string>();
for (const [name, entry] of Object.entries(ENTRIES)) {
  const outDir = path.join(root, "dist", name);
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(outDir, "index.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    logLevel: "warning",
    banner: {
      js: [
        'import { createRequire as __createRequire } from "node:module";',
        'import { dirname as __dirnameOf } from "node:path";',
        'import { fileURLToPath as __fileURLToPath } from "node:url";',
        "const require = __createRequire(import.meta.url);",
        "const __moduleDirname = (url) => __dirnameOf(__fileURLToPath(url));",
      ].join("\n"),
    },
    plugins: [externalNpmPackages(used), keepModuleUrls(path.join(root, entry), outDir)],
  });
}
const production = productionDependencies();
const missing = [...used].filter((name) => !production.has(name)).sort();
if (missing.length > 0) {
  console.error(`build: imported at run time but no workspace's production dependency: ${missing.join(", ")}`);
  process.exit(1);
}
console.log(`build: ${Object.keys(ENTRIES).length} services in dist/ (${used.size} npm packages external)`);
