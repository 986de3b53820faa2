/** Deeper than any real operation's variables; a 5,000-deep array overflows the stack on the way to a subgraph. */
export const MAX_JSON_DEPTH = 100;

/** Whether a parsed JSON value nests arrays and objects more than `max` deep (walked without recursion). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== "object" || current === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
