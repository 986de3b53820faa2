/** Every case the suite ran, and the ones that leaked, per class. */
export interface AttackLog {
  cases: Map<string, number>;
  leaks: string[];
  /** Refused for another reason than access (bad input, not found): counted, but prove less. */
  inconclusive: Map<string, number>;
  /** Leaks expected on this branch (a class whose fix is not merged), reported but not failing. */
  expected: string[];
}

export function newAttackLog(): AttackLog {
  return { cases: new Map(), leaks: [], inconclusive: new Map(), expected: [] };
}

export function count(log: AttackLog, cls: string, inconclusive = false): void {
  log.cases.set(cls, (log.cases.get(cls) ?? 0) + 1);
  if (inconclusive) log.inconclusive.set(cls, (log.inconclusive.get(cls) ?? 0) + 1);
}

export function leak(log: AttackLog, cls: string, what: string): void {
  log.leaks.push(`[${cls}] ${what}`);
}

export function summary(log: AttackLog): string {
  const total = [...log.cases.values()].reduce((a, b) => a + b, 0);
  const lines = [`${total} cases, ${log.leaks.length} leaks`];
  for (const [cls, n] of log.cases) {
    const weak = log.inconclusive.get(cls);
    lines.push(`  ${cls}: ${n} cases${weak ? ` (${weak} refused for input rather than access)` : ""}`);
  }
  for (const l of log.leaks) lines.push(`  LEAK ${l}`);
  for (const l of log.expected) lines.push(`  EXPECTED LEAK (not failing: ATELIER_SECURITY_STALE=0) ${l}`);
  return lines.join("\n");
}

/** Runs `tasks` with at most `limit` in flight. */
export async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
