-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "identity";

-- CreateEnum
CREATE TYPE "identity"."TenantStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "identity"."MembershipRole" AS ENUM ('OWNER', 'ADMIN', 'EDITOR', 'VIEWER');

-- CreateEnum
CREATE TYPE "identity"."MembershipStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED');

-- CreateEnum
CREATE TYPE "identity"."MembershipOrigin" AS ENUM ('FOUNDER', 'INVITED', 'REQUESTED');

-- CreateEnum
CREATE TYPE "identity"."TeamRole" AS ENUM ('LEAD', 'MEMBER');

-- CreateEnum
CREATE TYPE "identity"."UserTokenPurpose" AS ENUM ('EMAIL_VERIFICATION', 'PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "identity"."SubscriptionStatus" AS ENUM ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELLED');

-- CreateTable
CREATE TABLE "identity"."plans" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "monthlyPriceCents" INTEGER NOT NULL DEFAULT 0,
    "features" JSONB NOT NULL DEFAULT '{}',
    "limits" JSONB NOT NULL DEFAULT '{}',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."tenants" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "identity"."TenantStatus" NOT NULL DEFAULT 'ACTIVE',
    "planId" UUID,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "industry" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "headquartersAddress" TEXT,
    "branches" JSONB NOT NULL DEFAULT '[]',
    "crmId" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "fullName" TEXT NOT NULL DEFAULT '',
    "pictureUrl" TEXT,
    "passwordHash" TEXT,
    "emailVerifiedAt" TIMESTAMPTZ(6),
    "language" TEXT NOT NULL DEFAULT 'en-US',
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "mfaEnabled" BOOLEAN NOT NULL DEFAULT false,
    "mfaSecretEncrypted" TEXT,
    "mfaPendingSecretEncrypted" TEXT,
    "mfaLastUsedStep" INTEGER,
    "lastLoginAt" TIMESTAMPTZ(6),
    "deletedAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."memberships" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "identity"."MembershipRole" NOT NULL DEFAULT 'VIEWER',
    "status" "identity"."MembershipStatus" NOT NULL DEFAULT 'PENDING',
    "origin" "identity"."MembershipOrigin" NOT NULL,
    "invitedById" UUID,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(6),
    "joinedAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."teams" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."team_members" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "teamId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "identity"."TeamRole" NOT NULL DEFAULT 'MEMBER',
    "joinedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "team_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."sessions" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tenantId" UUID,
    "familyId" UUID NOT NULL,
    "refreshTokenHash" TEXT NOT NULL,
    "device" TEXT,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "lastActivityAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedAt" TIMESTAMPTZ(6),
    "revokedAt" TIMESTAMPTZ(6),
    "revokedReason" TEXT,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."api_clients" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "allowedApps" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" UUID,
    "lastUsedAt" TIMESTAMPTZ(6),
    "revokedAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "api_clients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."subscriptions" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "status" "identity"."SubscriptionStatus" NOT NULL DEFAULT 'ACTIVE',
    "currentPeriodStart" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "currentPeriodEnd" TIMESTAMPTZ(6),
    "paymentProvider" TEXT,
    "externalId" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."notifications" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tenantId" UUID,
    "type" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "readAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."user_tokens" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "purpose" "identity"."UserTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(6) NOT NULL,
    "usedAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity"."oidc_identities" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "email" TEXT,
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(6),

    CONSTRAINT "oidc_identities_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "plans_code_key" ON "identity"."plans"("code");

-- CreateIndex
CREATE UNIQUE INDEX "tenants_slug_key" ON "identity"."tenants"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "tenants_crmId_key" ON "identity"."tenants"("crmId");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "identity"."users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "identity"."users"("username");

-- CreateIndex
CREATE INDEX "users_deletedAt_idx" ON "identity"."users"("deletedAt");

-- CreateIndex
CREATE INDEX "memberships_tenantId_status_createdAt_id_idx" ON "identity"."memberships"("tenantId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "memberships_tenantId_role_status_idx" ON "identity"."memberships"("tenantId", "role", "status");

-- CreateIndex
CREATE INDEX "memberships_userId_status_createdAt_idx" ON "identity"."memberships"("userId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_userId_tenantId_key" ON "identity"."memberships"("userId", "tenantId");

-- CreateIndex
CREATE INDEX "teams_tenantId_createdAt_id_idx" ON "identity"."teams"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "teams_tenantId_name_key" ON "identity"."teams"("tenantId", "name");

-- CreateIndex
CREATE INDEX "team_members_tenantId_teamId_joinedAt_id_idx" ON "identity"."team_members"("tenantId", "teamId", "joinedAt", "id");

-- CreateIndex
CREATE INDEX "team_members_userId_role_idx" ON "identity"."team_members"("userId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "team_members_teamId_userId_key" ON "identity"."team_members"("teamId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_refreshTokenHash_key" ON "identity"."sessions"("refreshTokenHash");

-- CreateIndex
CREATE INDEX "sessions_userId_expiresAt_idx" ON "identity"."sessions"("userId", "expiresAt");

-- CreateIndex
CREATE INDEX "sessions_familyId_idx" ON "identity"."sessions"("familyId");

-- CreateIndex
CREATE INDEX "sessions_expiresAt_idx" ON "identity"."sessions"("expiresAt");

-- CreateIndex
CREATE INDEX "sessions_lastActivityAt_idx" ON "identity"."sessions"("lastActivityAt");

-- CreateIndex
CREATE UNIQUE INDEX "api_clients_keyId_key" ON "identity"."api_clients"("keyId");

-- CreateIndex
CREATE INDEX "api_clients_tenantId_createdAt_id_idx" ON "identity"."api_clients"("tenantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "subscriptions_tenantId_status_idx" ON "identity"."subscriptions"("tenantId", "status");

-- CreateIndex
CREATE INDEX "subscriptions_currentPeriodEnd_idx" ON "identity"."subscriptions"("currentPeriodEnd");

-- CreateIndex
CREATE INDEX "notifications_userId_readAt_createdAt_idx" ON "identity"."notifications"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "notifications_userId_createdAt_id_idx" ON "identity"."notifications"("userId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "user_tokens_tokenHash_key" ON "identity"."user_tokens"("tokenHash");

-- CreateIndex
CREATE INDEX "user_tokens_userId_purpose_createdAt_idx" ON "identity"."user_tokens"("userId", "purpose", "createdAt");

-- CreateIndex
CREATE INDEX "user_tokens_expiresAt_idx" ON "identity"."user_tokens"("expiresAt");

-- CreateIndex
CREATE INDEX "oidc_identities_userId_idx" ON "identity"."oidc_identities"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "oidc_identities_issuer_subject_key" ON "identity"."oidc_identities"("issuer", "subject");

-- AddForeignKey
ALTER TABLE "identity"."tenants" ADD CONSTRAINT "tenants_planId_fkey" FOREIGN KEY ("planId") REFERENCES "identity"."plans"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."memberships" ADD CONSTRAINT "memberships_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "identity"."tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."memberships" ADD CONSTRAINT "memberships_userId_fkey" FOREIGN KEY ("userId") REFERENCES "identity"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."memberships" ADD CONSTRAINT "memberships_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "identity"."users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."teams" ADD CONSTRAINT "teams_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "identity"."tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."team_members" ADD CONSTRAINT "team_members_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "identity"."tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."team_members" ADD CONSTRAINT "team_members_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "identity"."teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."team_members" ADD CONSTRAINT "team_members_userId_fkey" FOREIGN KEY ("userId") REFERENCES "identity"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."sessions" ADD CONSTRAINT "sessions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "identity"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."api_clients" ADD CONSTRAINT "api_clients_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "identity"."tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."subscriptions" ADD CONSTRAINT "subscriptions_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "identity"."tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."subscriptions" ADD CONSTRAINT "subscriptions_planId_fkey" FOREIGN KEY ("planId") REFERENCES "identity"."plans"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."notifications" ADD CONSTRAINT "notifications_userId_fkey" FOREIGN KEY ("userId") REFERENCES "identity"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."user_tokens" ADD CONSTRAINT "user_tokens_userId_fkey" FOREIGN KEY ("userId") REFERENCES "identity"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity"."oidc_identities" ADD CONSTRAINT "oidc_identities_userId_fkey" FOREIGN KEY ("userId") REFERENCES "identity"."users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------
-- Beyond what Prisma expresses: checks, grants and row-level security.
-- ---------------------------------------------------------------------------------------

ALTER TABLE "identity"."users" ADD CONSTRAINT "users_email_lowercase" CHECK ("email" = lower("email"));
ALTER TABLE "identity"."tenants" ADD CONSTRAINT "tenants_slug_format" CHECK ("slug" ~ '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$');
ALTER TABLE "identity"."sessions" ADD CONSTRAINT "sessions_revoked_reason" CHECK (("revokedAt" IS NULL) = ("revokedReason" IS NULL));

-- At most one live session row (the newest refresh token) per family.
CREATE UNIQUE INDEX "sessions_one_live_per_family" ON "identity"."sessions"("familyId")
  WHERE "rotatedAt" IS NULL AND "revokedAt" IS NULL;

-- Tenant-scoped transactions (withTenant) switch to atelier_app; RLS then binds.
GRANT USAGE ON SCHEMA "identity" TO atelier_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "identity" TO atelier_app;

ALTER TABLE "identity"."tenants" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "identity"."tenants"
  USING ("id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "identity"."memberships" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "identity"."memberships"
  USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "identity"."teams" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "identity"."teams"
  USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "identity"."team_members" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "identity"."team_members"
  USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "identity"."api_clients" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "identity"."api_clients"
  USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "identity"."subscriptions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "identity"."subscriptions"
  USING ("tenantId" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- Plans every tenant can choose from.
INSERT INTO "identity"."plans" ("id", "code", "name", "description", "monthlyPriceCents", "features", "limits") VALUES
  ('00000000-0000-4000-8000-000000000001', 'FREE', 'Free', 'For trying Atelier out.', 0, '{"sso": false}', '{"seats": 3, "apiClients": 1}'),
  ('00000000-0000-4000-8000-000000000002', 'STUDIO', 'Studio', 'For a production team.', 4900, '{"sso": true}', '{"seats": 25, "apiClients": 10}'),
  ('00000000-0000-4000-8000-000000000003', 'ENTERPRISE', 'Enterprise', 'For agencies at scale.', 0, '{"sso": true, "auditExport": true}', '{"seats": null, "apiClients": null}');
