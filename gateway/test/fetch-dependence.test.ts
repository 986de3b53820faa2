import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Supergraph } from "@apollo/federation-internals";
import { describe, expect, it } from "vitest";
import { fetchIsViewerDependent } from "../src/subscriptions/fetch-dependence";
import { loadViewerDependence } from "../src/subscriptions/viewer-dependence";

const schemaDir = (file: string) => fileURLToPath(new URL(`../../schema/${file}`, import.meta.url));
const apiSchema = Supergraph.build(readFileSync(schemaDir("supergraph.graphql"), "utf8"))
  .apiSchema()
  .toGraphQLJSSchema();
const marks = loadViewerDependence(schemaDir("viewer-dependent.json"));
const dependent = (operation: string) => fetchIsViewerDependent(apiSchema, marks, operation);

// Subgraph fetches as Apollo's planner writes them for the checked-in supergraph.
describe("which subgraph fetches of a catch-up read are made per viewer", () => {
  it("shares a run's events and its starter's name, not the starter's social connections", () => {
    expect(
      dependent(
        `query Q__workflows__0($id:ID!$a:Int){workflowRunEvents(runId:$id afterSequence:$a){sequence status run{id startedBy{__typename id}}}}`,
      ),
    ).toBe(false);
    expect(
      dependent(
        `query Q__identity__1($representations:[_Any!]!){_entities(representations:$representations){...on User{fullName email}}}`,
      ),
    ).toBe(false);
    expect(
      dependent(
        `query Q__identity__1($representations:[_Any!]!){_entities(representations:$representations){...on User{fullName socialConnections{externalUserId}}}}`,
      ),
    ).toBe(true);
  });

  it("counts a field returning a viewer-dependent type, and anything reached through fragments", () => {
    expect(
      dependent(
        `query Q__knowledge__0($id:ID!){documentStatusEvents(documentId:$id){sequence document{id asset{__typename id}}}}`,
      ),
    ).toBe(true);
    expect(
      dependent(
        `query Q__identity__1($representations:[_Any!]!){_entities(representations:$representations){...F}} fragment F on User{socialConnections{externalUserId}}`,
      ),
    ).toBe(true);
    expect(
      dependent(
        `query Q__identity__1($representations:[_Any!]!){_entities(representations:$representations){...F ...F}} fragment F on User{email}`,
      ),
    ).toBe(false);
  });

  it("counts what it cannot place as dependent: unknown fields, fields on _Entity, no list, bad text", () => {
    expect(dependent(`query{_entities(representations:[]){__typename notAField}}`)).toBe(true);
    expect(dependent(`query{_entities(representations:[]){...on User{notAField}}}`)).toBe(true);
    expect(dependent(`query{_service{sdl}}`)).toBe(true);
    expect(dependent(`mutation{logout{success}}`)).toBe(true);
    expect(dependent(`query{`)).toBe(true);
    expect(fetchIsViewerDependent(apiSchema, null, `query{_entities(representations:[]){...on User{email}}}`)).toBe(
      true,
    );
  });
});
