import type { FetchNode, PlanNode } from "@apollo/query-planner";
import { describe, expect, it } from "vitest";
import { splitByViewer } from "../src/subscriptions/viewer-split";

// Plans as Apollo's planner writes them for a catch-up read: the owner's fetch, then entity fetches.
const fetch = (serviceName: string, operation: string, entity = true): FetchNode =>
  ({
    kind: "Fetch",
    serviceName,
    operation,
    operationKind: "query",
    variableUsages: [],
    ...(entity ? { requires: [{ kind: "InlineFragment", typeCondition: "Person", selections: [] }] } : {}),
  }) as unknown as FetchNode;
const flatten = (path: string[], node: FetchNode): PlanNode => ({ kind: "Flatten", path, node });
const ticks = fetch("ticks", "{ tickEvents { owner { id } } }", false);
const names = fetch("people", "names");
const notes = fetch("people", "notes");
const avatars = fetch("media", "avatars");
const dependent = (f: FetchNode) => f.operation === "notes" || f.operation === "{ mine }";

describe("a catch-up plan split where viewers part", () => {
  it("reads everything before the last step once, and the dependent entity fetch per viewer", () => {
    const plan: PlanNode = { kind: "Sequence", nodes: [ticks, flatten(["tickEvents", "@", "owner"], notes)] };
    expect(splitByViewer(plan, dependent)).toEqual({
      shared: [ticks],
      independent: [],
      dependent: [{ path: ["tickEvents", "@", "owner"], fetch: notes }],
    });
  });

  it("keeps the last step's independent fetches shared beside the dependent ones", () => {
    const last: PlanNode = {
      kind: "Parallel",
      nodes: [flatten(["tickEvents", "@", "owner"], names), flatten(["tickEvents", "@", "owner"], notes)],
    };
    const split = splitByViewer({ kind: "Sequence", nodes: [ticks, last] }, dependent);
    expect(split?.independent).toEqual([last.nodes[0]]);
    expect(split?.dependent.map((d) => d.fetch)).toEqual([notes]);
  });

  it.each([
    ["nothing is viewer-dependent", { kind: "Sequence", nodes: [ticks, flatten(["tickEvents"], names)] }],
    [
      "a later fetch reads what a dependent one answered",
      { kind: "Sequence", nodes: [ticks, flatten(["a"], notes), flatten(["a"], avatars)] },
    ],
    ["the root fetch itself is viewer-dependent", fetch("ticks", "{ mine }", false)],
    [
      "a dependent fetch sits deeper than the last step's leaves",
      { kind: "Sequence", nodes: [ticks, { kind: "Parallel", nodes: [{ kind: "Sequence", nodes: [notes] }] }] },
    ],
  ])("has no split when %s (each viewer's plan runs whole)", (_, plan) => {
    expect(splitByViewer(plan as PlanNode, dependent)).toBeNull();
  });
});
