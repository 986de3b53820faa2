import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { socialTokensFor } from "../src/domain/social-tokens-for";
import { codeOf, signUpAccount } from "./support/accounts";
import { type Harness, startHarness } from "./support/identity-harness";
import { connect, DISCONNECT, MINE, socialAuditRows, storedConnection } from "./support/social-connections";

const ACCESS = "ig-access-token-0123456789abcdef";
const REFRESH = "ig-refresh-token-fedcba9876543210";
const LATER = "2030-01-01T00:00:00.000Z";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

describe("social connections", () => {
  it("connects an account and lists it without any token", async () => {
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
    const mine = await h.gql(MINE, {}, user.identity);
    expect(mine.data!.mySocialConnections).toEqual([connection]);
    const me = await h.gql("{ me { socialConnections { id platform } } }", {}, user.identity);
    expect(me.data!.me.socialConnections).toEqual([{ id: connection.id, platform: "INSTAGRAM" }]);
    expect(JSON.stringify([res, mine, me])).not.toMatch(/ig-(access|refresh)-token/);
  });

  it("exposes no token field in the schema", async () => {
    const res = await h.gql(`{ __type(name: "SocialConnection") { fields { name } } }`, {}, { kind: "anonymous" });
    const names = res.data!.__type.fields.map((f: { name: string }) => f.name);
    expect(names.filter((name: string) => /token/i.test(name))).toEqual(["hasRefreshToken"]);
  });

  it("stores the tokens as ciphertext that decrypts back to them", async () => {
    const user = await signUpAccount(h);
    await connect(h, user.identity, { platform: "LINKEDIN", externalUserId: "li-1", accessToken: ACCESS });
    const row = await storedConnection(h, user.userId, "LINKEDIN");
    expect(row!.accessTokenEncrypted).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(row!.accessTokenEncrypted).not.toContain(ACCESS);
    expect(row!.refreshTokenEncrypted).toBeNull();
    expect(h.service.services.secretBox.open(row!.accessTokenEncrypted as string)).toBe(ACCESS);
  });

  it("reads the decrypted tokens for the owner through socialTokensFor", async () => {
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

  it("replaces the tokens when the same platform is connected again", async () => {
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

  it("disconnects, and a second disconnect is NOT_FOUND", async () => {
    const user = await signUpAccount(h);
    const connected = await connect(h, user.identity, {
      platform: "PINTEREST",
      externalUserId: "p",
      accessToken: ACCESS,
    });
    const id = connected.data!.connectSocialAccount.socialConnection.id;
    const res = await h.gql(DISCONNECT, { platform: "PINTEREST" }, user.identity);
    expect(res.data!.disconnectSocialAccount).toEqual({ deletedSocialConnectionId: id });
    expect(await storedConnection(h, user.userId, "PINTEREST")).toBeUndefined();
    expect((await h.gql(MINE, {}, user.identity)).data!.mySocialConnections).toEqual([]);
    expect(codeOf(await h.gql(DISCONNECT, { platform: "PINTEREST" }, user.identity))).toBe("NOT_FOUND");
  });

  it("audits connect, reconnect and disconnect without token values", async () => {
    const user = await signUpAccount(h);
    const input = { platform: "FACEBOOK", externalUserId: "fb-7", accessToken: ACCESS, refreshToken: REFRESH };
    const id = (await connect(h, user.identity, input)).data!.connectSocialAccount.socialConnection.id;
    await connect(h, user.identity, { ...input, accessToken: `${ACCESS}-2` });
    await h.gql(DISCONNECT, { platform: "FACEBOOK" }, user.identity);
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

  it("goes with the user when the account is deleted", async () => {
    const user = await signUpAccount(h);
    await connect(h, user.identity, { platform: "INSTAGRAM", externalUserId: "x", accessToken: ACCESS });
    await h.sql.query("DELETE FROM identity.users WHERE id = $1", [user.userId]);
    expect(await storedConnection(h, user.userId, "INSTAGRAM")).toBeUndefined();
  });
});
