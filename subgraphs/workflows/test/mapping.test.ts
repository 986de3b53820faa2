import { describe, expect, it } from "vitest";
import { triggerMatches } from "../src/domain/trigger-matches";
import type { StageTrigger } from "../src/generated/prisma/client";
import { evaluateMapping } from "../src/steps/mapping";

const context = {
  input: { name: "Ada", tags: ["a", "b"], "a/b": 1 },
  steps: { fetch: { body: { id: 7 } } },
  run: { id: "r1" },
};

describe("transform mappings", () => {
  it("picks by JSON pointer and dotted path, renders templates and keeps constants unevaluated", () => {
    const mapping = {
      name: { $pointer: "/input/name" },
      escaped: { $pointer: "/input/a~1b" },
      id: { $path: "steps.fetch.body.id" },
      text: { $template: "Hi {{/input/name}} #{{ steps.fetch.body.id }} {{/input/tags}}" },
      literal: { $const: { $pointer: "/input/name" } },
      missing: { $pointer: "/input/nope", $default: "none" },
      list: [{ $pointer: "/input/tags/1" }, 3],
    };
    expect(evaluateMapping(mapping, context)).toEqual({
      name: "Ada",
      escaped: 1,
      id: 7,
      text: 'Hi Ada #7 ["a","b"]',
      literal: { $pointer: "/input/name" },
      missing: "none",
      list: ["b", 3],
    });
  });

  it("never evaluates code in templates", () => {
    expect(evaluateMapping({ $template: "{{ process.exit(1) }}" }, context)).toBe("");
    expect(evaluateMapping({ $template: "{{constructor.constructor}}" }, context)).toBe("");
  });
});

const trigger = (fields: Partial<StageTrigger>): StageTrigger =>
  ({
    id: "t",
    event: "ATTRIBUTE_CHANGE",
    fieldName: "budget",
    operator: null,
    value: null,
    isActive: true,
    ...fields,
  }) as StageTrigger;

describe("trigger conditions", () => {
  it("compares with = != > < contains", () => {
    const change = { event: "ATTRIBUTE_CHANGE" as const, changedFields: ["budget", "tags", "title"] };
    const fields = { budget: 10, tags: ["x", "y"], title: "Spring launch" };
    expect(triggerMatches(trigger({ operator: "EQUALS", value: 10 }), change, fields)).toBe(true);
    expect(triggerMatches(trigger({ operator: "NOT_EQUALS", value: 10 }), change, fields)).toBe(false);
    expect(triggerMatches(trigger({ operator: "GREATER_THAN", value: 5 }), change, fields)).toBe(true);
    expect(triggerMatches(trigger({ operator: "LESS_THAN", value: 5 }), change, fields)).toBe(false);
    expect(triggerMatches(trigger({ operator: "GREATER_THAN", value: "5" }), change, fields)).toBe(false);
    expect(triggerMatches(trigger({ fieldName: "tags", operator: "CONTAINS", value: "y" }), change, fields)).toBe(true);
    expect(triggerMatches(trigger({ fieldName: "title", operator: "CONTAINS", value: "launch" }), change, fields)).toBe(
      true,
    );
  });

  it("ignores changes of other fields, other events and inactive triggers", () => {
    const fields = { budget: 10 };
    expect(triggerMatches(trigger({}), { event: "ATTRIBUTE_CHANGE", changedFields: ["title"] }, fields)).toBe(false);
    expect(triggerMatches(trigger({}), { event: "STAGE_ENTRY" }, fields)).toBe(false);
    expect(
      triggerMatches(trigger({ isActive: false }), { event: "ATTRIBUTE_CHANGE", changedFields: ["budget"] }, fields),
    ).toBe(false);
  });
});
