import { randomUUID } from "node:crypto";
import { member } from "@atelier/testing";
import { describe, expect } from "vitest";
import { type CreativeSubgraph, creativeTest } from "./fixture";

const CREATE_KIT = `mutation($i: CreateBrandKitInput!) { createBrandKit(input: $i) { brandKit { id isDefault colors { name hex } } } }`;
const KITS = `{ brandKits { edges { node { id isDefault } } } }`;

const test = creativeTest.with({ env: { RUN_WORKER: "false" } });

describe("brand kits and templates", () => {
  let creative: CreativeSubgraph;
  test.beforeAll(async ({ subgraph }) => {
    creative = subgraph;
  });

  test("validates hex colours and normalises them to #RRGGBB", async () => {
    const who = member(randomUUID());
    const bad = await creative.gql(who, CREATE_KIT, { i: { name: "Bad", colors: [{ name: "P", hex: "red" }] } });
    expect(bad.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(bad.errors![0]!.message).toMatch(/colors\.0\.hex: must be a hex colour/);
    const good = await creative.ok<{ createBrandKit: { brandKit: { colors: { hex: string }[] } } }>(who, CREATE_KIT, {
      i: {
        name: "Good",
        colors: [
          { name: "P", hex: "#0af" },
          { name: "S", hex: "#12abEF" },
        ],
        fonts: [{ name: "H", family: "Inter" }],
      },
    });
    expect(good.createBrandKit.brandKit.colors.map((c) => c.hex)).toEqual(["#00AAFF", "#12ABEF"]);
  });

  test("keeps one default brand kit per owner", async () => {
    const tenant = randomUUID();
    const alice = member(tenant);
    const bob = member(tenant);
    const first = await creative.ok<{ createBrandKit: { brandKit: { id: string } } }>(alice, CREATE_KIT, {
      i: { name: "One", colors: [], isDefault: true },
    });
    const second = await creative.ok<{ createBrandKit: { brandKit: { id: string } } }>(alice, CREATE_KIT, {
      i: { name: "Two", colors: [], isDefault: true },
    });
    await creative.ok(bob, CREATE_KIT, { i: { name: "Bob's", colors: [], isDefault: true } });
    const kits = await creative.ok<{ brandKits: { edges: { node: { id: string; isDefault: boolean } }[] } }>(
      alice,
      KITS,
    );
    const defaults = kits.brandKits.edges.filter((e) => e.node.isDefault).map((e) => e.node.id);
    expect(defaults).toHaveLength(2);
    expect(defaults).toContain(second.createBrandKit.brandKit.id);
    expect(defaults).not.toContain(first.createBrandKit.brandKit.id);
    const direct = await creative.sql
      .query(`UPDATE creative.brand_kits SET "isDefault" = true WHERE id = $1`, [first.createBrandKit.brandKit.id])
      .catch((error: Error) => error);
    expect(String(direct)).toMatch(/brand_kits_one_default_per_owner/);
    const notOwner = await creative.gql(
      bob,
      `mutation($i: UpdateBrandKitInput!) { updateBrandKit(input: $i) { brandKit { id } } }`,
      {
        i: { id: first.createBrandKit.brandKit.id, name: "Hijack" },
      },
    );
    expect(notOwner.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  test("searches system and tenant templates by category, tags and name", async () => {
    const who = member(randomUUID());
    await creative.ok(
      who,
      `mutation { createTemplate(input: { name: "Summer Story", category: "social_story", tags: ["Instagram", "summer"] }) { template { id } } }`,
    );
    const stories = await creative.ok<{ templates: { edges: { node: { name: string; isSystem: boolean } }[] } }>(
      who,
      `{ templates(category: "SOCIAL_STORY") { edges { node { name isSystem } } } }`,
    );
    expect(stories.templates.edges.map((e) => e.node.name).sort()).toEqual([
      "Instagram story",
      "Summer Story",
      "TikTok cover",
    ]);
    const tagged = await creative.ok<{ templates: { edges: { node: { name: string } }[] } }>(
      who,
      `{ templates(tags: ["instagram", "summer"]) { edges { node { name } } } }`,
    );
    expect(tagged.templates.edges.map((e) => e.node.name)).toEqual(["Summer Story"]);
    const searched = await creative.ok<{ templates: { edges: { node: { name: string; isSystem: boolean } }[] } }>(
      who,
      `{ templates(search: "banner") { edges { node { name isSystem } } } }`,
    );
    expect(searched.templates.edges.map((e) => e.node)).toEqual([{ name: "LinkedIn banner", isSystem: true }]);
    const system = await creative.gql(
      member(randomUUID(), "OWNER"),
      `mutation { deleteTemplate(input: { id: "7e1a0000-0000-4000-8000-000000000001" }) { deletedTemplateId } }`,
    );
    expect(system.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});
