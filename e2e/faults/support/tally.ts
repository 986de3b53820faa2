/** What one subscriber received, against what was committed. */
export interface Delivery {
  submitted: number;
  delivered: number;
  missed: number;
  duplicated: number;
}

/** Counts a subscriber's sequences against the committed ones (1..committed, gap-free). */
export function tally(committed: number, received: readonly number[]): Delivery {
  const distinct = new Set(received);
  let missed = 0;
  for (let s = 1; s <= committed; s++) if (!distinct.has(s)) missed++;
  return { submitted: committed, delivered: received.length, missed, duplicated: received.length - distinct.size };
}

/** Sums per-subscriber tallies into one scenario line. */
export function total(deliveries: readonly Delivery[]): Delivery {
  return deliveries.reduce(
    (sum, d) => ({
      submitted: sum.submitted + d.submitted,
      delivered: sum.delivered + d.delivered,
      missed: sum.missed + d.missed,
      duplicated: sum.duplicated + d.duplicated,
    }),
    { submitted: 0, delivered: 0, missed: 0, duplicated: 0 },
  );
}

/** The line every scenario prints: `[faults] <scenario>: submitted N, delivered N, missed N, duplicated N; …`. */
export function report(scenario: string, d: Delivery, extra: Record<string, unknown> = {}): void {
  const more = Object.entries(extra)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  console.log(
    `[faults] ${scenario}: submitted ${d.submitted}, delivered ${d.delivered}, missed ${d.missed}, duplicated ${d.duplicated}${more ? `; ${more}` : ""}`,
  );
}
