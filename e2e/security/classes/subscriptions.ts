import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { type AttackLog, count, leak } from "../support/attack-log";
import { pickerFrom } from "../support/pick-ids";
import type { SeededTenant } from "../support/seed-tenants";
import { buildOperation, type RootField } from "../support/supergraph-operations";

const CLASS = "subscription fields with another tenant's ids";
const LISTEN_MS = 1_500;

/**
 * Every Subscription field, opened by the attacker tenant's OWNER with the victim's ids (from the
 * start of each stream, so stored events would replay). A leak: any event with data.
 */
export async function attackSubscriptions(
  wsUrl: string,
  fields: RootField[],
  attacker: SeededTenant,
  victim: SeededTenant,
  log: AttackLog,
): Promise<void> {
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${attacker.tokens.OWNER}` },
    retryAttempts: 0,
  });
  const pick = pickerFrom(victim.ids);
  try {
    await Promise.all(
      fields
        .filter((f) => f.kind === "subscription")
        .map(async (field) => {
          const { document, variables } = buildOperation(field, pick);
          count(log, CLASS);
          const received: unknown[] = [];
          await new Promise<void>((resolve) => {
            const stop = client.subscribe(
              { query: document, variables },
              {
                next: (value) => {
                  if (value.data) received.push(value.data);
                },
                error: () => resolve(),
                complete: () => resolve(),
              },
            );
            setTimeout(() => {
              stop();
              resolve();
            }, LISTEN_MS);
          });
          const text = JSON.stringify(received);
          if (received.length > 0 || text.includes(victim.marker)) {
            leak(log, CLASS, `${field.name}: received ${text.slice(0, 160)}`);
          }
        }),
    );
  } finally {
    await client.dispose();
  }
}
