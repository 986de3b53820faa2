import { type AttackLog, count, inParallel, leak } from "../support/attack-log";
import { bearer, firstCode, post, succeeded } from "../support/http";
import { pickerFrom } from "../support/pick-ids";
import type { SeededTenant } from "../support/seed-tenants";
import { buildOperation, type RootField } from "../support/supergraph-operations";

const CLASS = "root fields with another tenant's ids";

/**
 * Every root Query and Mutation field, called by the attacker tenant's OWNER with the victim
 * tenant's ids in every ID argument. A leak: the victim's marker anywhere in the answer, a victim
 * id the caller did not send in the data, or a mutation that accepted another tenant's id.
 */
export async function attackCrossTenant(
  url: string,
  fields: RootField[],
  attacker: SeededTenant,
  victim: SeededTenant,
  log: AttackLog,
): Promise<void> {
  const pick = pickerFrom(victim.ids);
  const victimIds = Object.values(victim.ids);
  await inParallel(
    fields.filter((f) => f.kind !== "subscription"),
    6,
    async (field) => {
      const { document, variables } = buildOperation(field, pick);
      const { body, text } = await post(url, { query: document, variables }, bearer(attacker.tokens.OWNER));
      const sent = JSON.stringify(variables);
      const code = firstCode(body);
      count(log, CLASS, code === "BAD_USER_INPUT");
      if (text.includes(victim.marker)) return leak(log, CLASS, `${field.name}: the answer shows ${victim.marker}`);
      const data = JSON.stringify(body?.data ?? null);
      const shown = victimIds.find((id) => data.includes(id) && !sent.includes(id));
      if (shown) return leak(log, CLASS, `${field.name}: the data holds the victim's id ${shown}`);
      const referenced = victimIds.some((id) => sent.includes(id));
      // A mutation that answers "0 changed" ignored the foreign id (markNotificationsRead): no leak.
      const ignored = (body?.data?.[field.name] as { count?: number } | null)?.count === 0;
      if (field.kind === "mutation" && referenced && succeeded(body, field.name) && !ignored) {
        leak(log, CLASS, `${field.name}: accepted another tenant's id (${sent.slice(0, 160)})`);
      }
    },
  );
}
