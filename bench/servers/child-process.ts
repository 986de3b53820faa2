import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createInterface } from "node:readline";

const READY_PREFIX = "BENCH_READY ";

/** Whether `taskset` (util-linux) can pin processes to cores here. */
export function hasTaskset(): boolean {
  return spawnSync("taskset", ["-p", String(process.pid)], { stdio: "ignore" }).status === 0;
}

/** Called in a child: hands its addresses to the parent. */
export function announceReady(info: Record<string, string>): void {
  // Exit normally on the parent's kill, so a --cpu-prof child writes its profile.
  process.once("SIGTERM", () => process.exit(0));
  process.stdout.write(`${READY_PREFIX}${JSON.stringify(info)}\n`);
}

/** Starts a TypeScript entry in its own Node process (its own core) and waits for its announcement. */
export async function startChild(
  file: string,
  env: Record<string, string>,
  opts: { nodeArgs?: string[]; args?: string[]; compiled?: boolean; cpu?: number; stdin?: boolean } = {},
): Promise<{ info: Record<string, string>; child: ChildProcess }> {
  // A compiled entry runs without tsx; `cpu` pins the child to one core (taskset -c) where taskset exists.
  const nodeArgs = [
    ...(opts.nodeArgs ?? []),
    ...(opts.compiled ? [] : ["--import", "tsx"]),
    file,
    ...(opts.args ?? []),
  ];
  const pinned = opts.cpu !== undefined && hasTaskset();
  const [command, args] = pinned
    ? ["taskset", ["-c", String(opts.cpu), process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: [opts.stdin ? "pipe" : "ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  const info = await new Promise<Record<string, string>>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
    lines.on("line", (line) => {
      if (line.startsWith(READY_PREFIX)) resolve(JSON.parse(line.slice(READY_PREFIX.length)));
    });
  });
  child.removeAllListeners("exit");
  return { info, child };
}
