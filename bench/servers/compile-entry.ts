import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
// Inside the repository, so the bundle's package imports resolve against its node_modules.
const outDir = join(repoRoot, "node_modules", ".cache", "atelier-bench");

/**
 * Bundles a TypeScript entry (with the workspace's own packages) into plain JavaScript, so a bench
 * child runs as in production: no TypeScript transpiler in its process. npm packages stay external.
 */
export async function compileEntry(entry: string, name: string): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    plugins: [
      {
        name: "external-npm-packages",
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith("@atelier/") ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  return outfile;
}
