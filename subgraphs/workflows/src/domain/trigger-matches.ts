import type { StageTrigger, TriggerOperator } from "../generated/prisma/client";

function compare(operator: TriggerOperator, actual: unknown, expected: unknown): boolean {
  switch (operator) {
    case "EQUALS":
      return JSON.stringify(actual) === JSON.stringify(expected);
    case "NOT_EQUALS":
      return JSON.stringify(actual) !== JSON.stringify(expected);
    case "GREATER_THAN":
    case "LESS_THAN": {
      const bothNumbers = typeof actual === "number" && typeof expected === "number";
      const bothStrings = typeof actual === "string" && typeof expected === "string";
      if (!bothNumbers && !bothStrings) return false;
      return operator === "GREATER_THAN"
        ? (actual as never) > (expected as never)
        : (actual as never) < (expected as never);
    }
    case "CONTAINS":
      if (typeof actual === "string") return typeof expected === "string" && actual.includes(expected);
      if (Array.isArray(actual)) return actual.some((item) => JSON.stringify(item) === JSON.stringify(expected));
      return false;
  }
}

export type CardEvent =
  | { event: "STAGE_ENTRY" | "STAGE_EXIT" }
  | { event: "ATTRIBUTE_CHANGE"; changedFields: string[] };

/** Whether an active trigger fires for this event, given the card's fields after the change. */
export function triggerMatches(trigger: StageTrigger, happened: CardEvent, fields: Record<string, unknown>): boolean {
  if (!trigger.isActive || trigger.event !== happened.event) return false;
  if (happened.event === "ATTRIBUTE_CHANGE" && !happened.changedFields.includes(trigger.fieldName ?? "")) return false;
  if (!trigger.fieldName || !trigger.operator) return true;
  return compare(trigger.operator, fields[trigger.fieldName], trigger.value);
}
