import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { IDE_SCRIPT } from "../src/ide/ide-script";
import { IDE_TABS } from "../src/ide/ide-tabs";

const supergraph = buildSchema(
  readFileSync(path.resolve(import.meta.dirname, "../../schema/supergraph.graphql"), "utf8"),
);

describe("the IDE's defaults", () => {
  it("preset no Authorization header, which would fail every request, login included", () => {
    expect(IDE_SCRIPT).not.toMatch(/\b(headers|defaultHeaders):|paste an access token/);
  });

  it("open on a sign-in tab whose mutation and variables fit the supergraph", () => {
    const [signIn] = IDE_TABS;
    expect(signIn?.query).toMatch(/login\(input: \$input\)/);
    expect(validate(supergraph, parse(signIn!.query))).toEqual([]);
    expect(JSON.parse(signIn!.variables!)).toEqual({
      input: { email: "demo@atelier.local", password: "atelier-demo-password" },
    });
  });

  it("offer every tab's operation valid against the supergraph", () => {
    for (const tab of IDE_TABS) expect(validate(supergraph, parse(tab.query)), tab.query).toEqual([]);
  });

  it("embed the tabs in the page's script", () => {
    expect(IDE_SCRIPT).toContain(JSON.stringify(IDE_TABS));
  });
});
