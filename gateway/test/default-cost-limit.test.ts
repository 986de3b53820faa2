import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Supergraph } from "@apollo/federation-internals";
import { testKeys } from "@atelier/testing";
import { type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { loadGatewayConfig } from "../src/config";
import { checkOperationLimits } from "../src/limits/check-operation-limits";

const supergraph = readFileSync(fileURLToPath(new URL("../../schema/supergraph.graphql", import.meta.url)), "utf8");
const api = Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema();
const { limits } = loadGatewayConfig({ INTERNAL_JWT_PRIVATE_KEY: testKeys().privateKey });

const dashboard = (workspaces: number, projects: number) => `query Dashboard {
  workspaces(first: ${workspaces}) { edges { node { id name
    projects(first: ${projects}) { edges { node { id name status
      assets(first: 10) { edges { node { id name mimeType versions { versionNumber sizeBytes } } } }
    } } }
  } } }
}`;

function check(source: string) {
  const document = parse(source);
  checkOperationLimits(api, document, document.definitions[0] as OperationDefinitionNode, {}, limits);
}

describe("the default cost limit against the real supergraph", () => {
  it("admits a studio dashboard of realistic page sizes", () => {
    expect(() => check(dashboard(10, 20))).not.toThrow();
  });

  it("refuses one asking for every level's maximum", () => {
    expect(() => check(dashboard(100, 100))).toThrow(/operation cost 2660501 exceeds the maximum cost of 100000/);
  });
});
