import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "../test/support/stack";
import { attackCrossTenant } from "./classes/cross-tenant";
import { attackDirectSubgraphs } from "./classes/direct-subgraphs";
import { attackWithHostileInput } from "./classes/hostile-input";
import { attackKnownCases } from "./classes/known-cases";
import { attackRoles } from "./classes/roles";
import { attackStaleAccess } from "./classes/stale-access";
import { attackSubscriptions } from "./classes/subscriptions";
import { attackTokens } from "./classes/tokens";
import { newAttackLog, summary } from "./support/attack-log";
import { accessTokenKeys } from "./support/forge";
import { type SeededTenant, seedTenant } from "./support/seed-tenants";
import { endsCallersSession, loadSupergraph, rootFields } from "./support/supergraph-operations";

// The project's own attack run: two tenants seeded through the real API, every root field of the
// checked-in supergraph attacked (so a new field is attacked without anyone writing a test), plus
// forged tokens, direct subgraph calls and hostile input. It prints `N cases, 0 leaks`.
describe("attack suite", () => {
  const log = newAttackLog();
  const keys = accessTokenKeys();
  let stack: Stack;
  let attacker: SeededTenant;
  let victim: SeededTenant;
  const fields = rootFields(loadSupergraph().schema).filter((f) => !endsCallersSession(f));

  beforeAll(async () => {
    const started = performance.now();
    stack = await startStack({ identityEnv: { ACCESS_TOKEN_PRIVATE_KEY: keys.privatePem } });
    [attacker, victim] = await Promise.all([seedTenant(stack.url(), "attacker"), seedTenant(stack.url(), "victim")]);
    console.log(`stack and seed: ${Math.round(performance.now() - started)} ms`);
  });
  afterAll(async () => {
    console.log(summary(log));
    await stack?.close();
  });

  it("finds no leak in any class", { timeout: 240_000 }, async () => {
    const url = stack.url();
    const timed = async (name: string, run: () => Promise<void>) => {
      const started = performance.now();
      await run();
      console.log(`${name}: ${Math.round(performance.now() - started)} ms`);
    };
    await timed("cross-tenant", () => attackCrossTenant(url, fields, attacker, victim, log));
    await timed("subscriptions", () => attackSubscriptions(stack.wsUrl(), fields, attacker, victim, log));
    await timed("tokens", () => attackTokens(url, keys, attacker, log));
    await timed("direct subgraphs", () => attackDirectSubgraphs(stack.subgraphUrls, log));
    await timed("hostile input", () => attackWithHostileInput(url, attacker, log));
    await timed("known cases", () => attackKnownCases(url, attacker, victim, log));
    await timed("roles", () => attackRoles(url, fields, attacker, log));
    await timed("stale access", () => attackStaleAccess(url, log));
    expect(log.leaks).toEqual([]);
  });
});
