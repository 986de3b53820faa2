import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
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

/** Answers the status of GET `url` through node:http, which (unlike fetch) allows every port. */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
  });
}

/**
 * Resolves when `url` answers 200; rejects after `timeoutMs` with the last reason, or as soon as
 * `process` exits (it will never answer).
 */
export async function waitForHealthy(url: string, timeoutMs: number, service?: ServiceProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (service && service.child.exitCode !== null)
      throw new Error(`${service.name} exited (${service.child.exitCode}) before ${url} answered`);
    try {
      const status = await statusOf(url);
      if (status === 200) return;
      last = `HTTP ${status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000}s (last: ${last})`);
}

/** SIGTERM to every running process, SIGKILL to those still running after `graceMs`. */
export async function stopProcesses(processes: ServiceProcess[], graceMs = 15_000): Promise<void> {
  const running = processes.filter((p) => p.child.exitCode === null && p.child.signalCode === null);
  await Promise.all(
    running.map(
      (p) =>
        new Promise<void>((resolve) => {
          const kill = setTimeout(() => p.child.kill("SIGKILL"), graceMs);
          p.child.once("exit", () => {
            clearTimeout(kill);
            resolve();
          });
          p.child.kill("SIGTERM");
        }),
    ),
  );
}
