import { describe, expect } from "vitest";
import { socialTokensFor } from "../src/domain/social-tokens-for";
import { type IdentitySubgraph, identityTest as test } from "./fixture";
import { codeOf, signUpAccount } from "./support/accounts";
import { connect, DISCONNECT, MINE, socialAuditRows, storedConnection } from "./support/social-connections";

const ACCESS = "ig-access-token-0123456789abcdef";
const REFRESH = "ig-refresh-token-fedcba9876543210";
const LATER = "2030-01-01T00:00:00.000Z";

let h: IdentitySubgraph;
test.beforeAll(async ({ subgraph }) => {
  h = subgraph;
});

describe("social connections", () => {
  test("connects an account and lists it without any token", async () => {
    const user = await signUpAccount(h);
    const input = { platform: "INSTAGRAM", externalUserId: "ig-42", accessToken: ACCESS, refreshToken: REFRESH };
    const res = await connect(h, user.identity, { ...input, expiresAt: LATER });
    expect(res.errors).toBeUndefined();
    const connection = res.data!.connectSocialAccount.socialConnection;
    expect(connection).toMatchObject({
      platform: "INSTAGRAM",
      externalUserId: "ig-42",
      expiresAt: LATER,
      expired: false,
      hasRefreshToken: true,
    });
    const mine = await h.as(user.identity).gql(MINE, {});
    expect(mine.data!.mySocialConnections).toEqual([connection]);
    const me = await h.as(user.identity).gql("{ me { socialConnections { id platform } } }", {});
    expect(me.data!.me.socialConnections).toEqual([{ id: connection.id, platform: "INSTAGRAM" }]);
    expect(JSON.stringify([res, mine, me])).not.toMatch(/ig-(access|refresh)-token/);
  });

  test("exposes no token field in the schema", async () => {
    const res = await h.as({ kind: "anonymous" }).gql(`{ __type(name: "SocialConnection") { fields { name } } }`, {});
    const names = res.data!.__type.fields.map((f: { name: string }) => f.name);
    expect(names.filter((name: string) => /token/i.test(name))).toEqual(["hasRefreshToken"]);
  });

  test("stores the tokens as ciphertext that decrypts back to them", async () => {
    const user = await signUpAccount(h);
    await connect(h, user.identity, { platform: "LINKEDIN", externalUserId: "li-1", accessToken: ACCESS });
    const row = await storedConnection(h, user.userId, "LINKEDIN");
    expect(row!.accessTokenEncrypted).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(row!.accessTokenEncrypted).not.toContain(ACCESS);
    expect(row!.refreshTokenEncrypted).toBeNull();
    expect(h.service.services.secretBox.open(row!.accessTokenEncrypted as string)).toBe(ACCESS);
  });

  test("reads the decrypted tokens for the owner through socialTokensFor", async () => {
    const user = await signUpAccount(h);
    const input = { platform: "TIKTOK", externalUserId: "tt-9", accessToken: ACCESS, refreshToken: REFRESH };
    await connect(h, user.identity, { ...input, expiresAt: LATER });
    expect(await socialTokensFor(h.service.services, user.userId, "TIKTOK")).toEqual({
      externalUserId: "tt-9",
      accessToken: ACCESS,
      refreshToken: REFRESH,
      expiresAt: new Date(LATER),
    });
    expect(await socialTokensFor(h.service.services, user.userId, "FACEBOOK")).toBeNull();
  });

  test("replaces the tokens when the same platform is connected again", async () => {
    const user = await signUpAccount(h);
    const first = await connect(h, user.identity, {
      platform: "TWITTER",
      externalUserId: "tw-old",
      accessToken: ACCESS,
      refreshToken: REFRESH,
    });
    const again = await connect(h, user.identity, {
      platform: "TWITTER",
      externalUserId: "tw-new",
      accessToken: "tw-second-token",
      expiresAt: "2020-01-01T00:00:00.000Z",
    });
    const firstId = first.data!.connectSocialAccount.socialConnection.id;
    expect(again.data!.connectSocialAccount.socialConnection).toMatchObject({
      id: firstId,
      externalUserId: "tw-new",
      expired: true,
      hasRefreshToken: false,
    });
    const { rows } = await h.sql.query(
      `SELECT count(*)::int AS n FROM identity.social_connections WHERE "userId" = $1`,
      [user.userId],
    );
    expect(rows[0].n).toBe(1);
    const tokens = await socialTokensFor(h.service.services, user.userId, "TWITTER");
    expect(tokens).toMatchObject({ accessToken: "tw-second-token", refreshToken: null });
  });

  test("disconnects, and a second disconnect is NOT_FOUND", async () => {
    const user = await signUpAccount(h);
    const connected = await connect(h, user.identity, {
      platform: "PINTEREST",
      externalUserId: "p",
      accessToken: ACCESS,
    });
    const id = connected.data!.connectSocialAccount.socialConnection.id;
    const res = await h.as(user.identity).gql(DISCONNECT, { platform: "PINTEREST" });
    expect(res.data!.disconnectSocialAccount).toEqual({ deletedSocialConnectionId: id });
    expect(await storedConnection(h, user.userId, "PINTEREST")).toBeUndefined();
    expect((await h.as(user.identity).gql(MINE, {})).data!.mySocialConnections).toEqual([]);
    expect(codeOf(await h.as(user.identity).gql(DISCONNECT, { platform: "PINTEREST" }))).toBe("NOT_FOUND");
  });

  test("audits connect, reconnect and disconnect without token values", async () => {
    const user = await signUpAccount(h);
    const input = { platform: "FACEBOOK", externalUserId: "fb-7", accessToken: ACCESS, refreshToken: REFRESH };
    const id = (await connect(h, user.identity, input)).data!.connectSocialAccount.socialConnection.id;
    await connect(h, user.identity, { ...input, accessToken: `${ACCESS}-2` });
    await h.as(user.identity).gql(DISCONNECT, { platform: "FACEBOOK" });
    const rows = await socialAuditRows(h, user.userId);
    expect(rows.map((r) => r.action)).toEqual([
      "social_connection.connect",
      "social_connection.reconnect",
      "social_connection.disconnect",
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ resource_id: id, tenant_id: null, actor_id: user.userId });
      expect(row.changes).toMatchObject({ platform: "FACEBOOK", externalUserId: "fb-7", hasRefreshToken: true });
    }
    expect(JSON.stringify(rows)).not.toMatch(/ig-(access|refresh)-token|Encrypted/);
  });

  test("goes with the user when the account is deleted", async () => {
    const user = await signUpAccount(h);
    await connect(h, user.identity, { platform: "INSTAGRAM", externalUserId: "x", accessToken: ACCESS });
    await h.sql.query("DELETE FROM identity.users WHERE id = $1", [user.userId]);
    expect(await storedConnection(h, user.userId, "INSTAGRAM")).toBeUndefined();
  });
});
