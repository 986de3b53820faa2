import { createServer } from "node:net";

export interface NamedPort {
  name: string;
  port: number;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host: "0.0.0.0", exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** Throws one message naming every port already taken, before anything is started on them. */
export async function assertPortsFree(ports: NamedPort[]): Promise<void> {
  const taken: NamedPort[] = [];
  for (const entry of ports) if (!(await isFree(entry.port))) taken.push(entry);
  if (taken.length === 0) return;
  const list = taken.map((t) => `${t.port} (${t.name})`).join(", ");
  throw new Error(
    `port${taken.length > 1 ? "s" : ""} already in use: ${list}. Stop what listens there or choose other ports (PORT_BASE moves the whole stack).`,
  );
}
