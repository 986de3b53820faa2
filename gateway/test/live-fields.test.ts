import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Supergraph } from "@apollo/federation-internals";
import { createLogger } from "@atelier/logging";
import { describe, expect, it } from "vitest";
import { loadLiveFields } from "../src/subscriptions/live-fields";
import { selectsNothingViewerDependent, unknownViewerDependentEntries } from "../src/subscriptions/viewer-dependence";

const schemaDir = (file: string) => fileURLToPath(new URL(`../../schema/${file}`, import.meta.url));
const apiSchema = Supergraph.build(readFileSync(schemaDir("supergraph.graphql"), "utf8"))
  .apiSchema()
  .toGraphQLJSSchema();

describe("the checked-in subscription registry and viewer-dependent list", () => {
  const live = loadLiveFields(
    schemaDir("subscriptions.json"),
    apiSchema,
    createLogger({ service: "test", level: "silent" }),
  );

  it("hold against the checked-in supergraph: every listed type and field exists", () => {
    expect(live.registry.size).toBeGreaterThan(0);
    expect(live.viewerDependence && unknownViewerDependentEntries(apiSchema, live.viewerDependence)).toEqual([]);
    expect(live.viewerDependence?.fields.has("User.socialConnections")).toBe(true);
  });

  it("share a run's status but never the starter's social connections", () => {
    const query = (selection: string) =>
      `query($id: ID!) { workflowRunEvents(runId: $id) { sequence status run { ${selection} } } }`;
    const marks = live.viewerDependence;
    expect(selectsNothingViewerDependent(apiSchema, marks, query("status startedBy { fullName }"))).toBe(true);
    expect(
      selectsNothingViewerDependent(apiSchema, marks, query("startedBy { socialConnections { externalUserId } }")),
    ).toBe(false);
  });

  it("never share a document's asset, which may be PRIVATE to its creator", () => {
    const query = (selection: string) =>
      `query($id: ID!) { documentStatusEvents(documentId: $id) { status document { ${selection} } } }`;
    expect(selectsNothingViewerDependent(apiSchema, live.viewerDependence, query("id title"))).toBe(true);
    expect(selectsNothingViewerDependent(apiSchema, live.viewerDependence, query("asset { id }"))).toBe(false);
  });
});
