import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export interface ServiceProcess {
  name: string;
  port: number;
  child: ChildProcess;
}

const COLORS = [36, 35, 33, 32, 34, 31];

/** Starts `entry` under tsx with `env`, prefixing each output line with the service name. */
export function startService(
  root: string,
  name: string,
  entry: string,
  port: number,
  env: Record<string, string>,
  index: number,
): ServiceProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, entry)], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `\x1b[${COLORS[index % COLORS.length]}m${name.padEnd(9)}\x1b[0m│ `;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = "";
    stream?.on("data", (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  child.on("exit", (code, signal) => {
    if (signal !== "SIGTERM") process.stdout.write(`${prefix}exited (${code ?? signal})\n`);
  });
  return { name, port, child };
}

/** Resolves when `url` answers 200, or rejects after `timeoutMs`. */
export async function waitForHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000}s`);
}
