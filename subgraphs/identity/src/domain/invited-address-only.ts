import type { Membership, User } from "../generated/prisma/client";

/**
 * What an inviter sees of an invitee they may not see: the address they typed and nothing else.
 * Every other field has the value an account created by the invitation would have, dated by the
 * invitation, so an existing account and a new one look the same.
 */
export function invitedAddressOnly(user: User, membership: Membership): User {
  return {
    ...user,
    username: "",
    fullName: "",
    pictureUrl: null,
    emailVerifiedAt: null,
    language: "en-US",
    timezone: "UTC",
    mfaEnabled: false,
    lastLoginAt: null,
    createdAt: membership.createdAt,
    updatedAt: membership.createdAt,
  };
}
