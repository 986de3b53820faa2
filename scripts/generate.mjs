// Runs after `npm ci`: Prisma clients for every migration history, then typed resolvers.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
};

for (const history of readdirSync(path.join(root, "prisma")).sort()) {
  const config = path.join(root, "prisma", history, "prisma.config.ts");
  if (!existsSync(config)) continue;
  execFileSync(bin("prisma"), ["generate", "--config", config], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.log(`prisma: generated the ${history} client`);
}
execFileSync(bin("tsx"), [path.join(root, "scripts", "codegen.ts")], { cwd: root, env, stdio: "inherit" });
