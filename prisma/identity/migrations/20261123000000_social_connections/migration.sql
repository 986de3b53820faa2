-- A user's linked social-media accounts, one per platform; the OAuth tokens are stored only as
-- AES-256-GCM ciphertext (the identity secret box, as for the MFA secret).

-- CreateEnum
CREATE TYPE "identity"."SocialPlatform" AS ENUM ('INSTAGRAM', 'FACEBOOK', 'LINKEDIN', 'TWITTER', 'PINTEREST', 'TIKTOK');

-- CreateTable
CREATE TABLE "identity"."social_connections" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "platform" "identity"."SocialPlatform" NOT NULL,
    "externalUserId" VARCHAR(100) NOT NULL,
    "accessTokenEncrypted" TEXT NOT NULL,
    "refreshTokenEncrypted" TEXT,
    "expiresAt" TIMESTAMPTZ(6),
    "createdAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "social_connections_pkey" PRIMARY KEY ("id")
);

-- CreateIndex (also serves lookups by user and by user + platform)
CREATE UNIQUE INDEX "social_connections_userId_platform_key" ON "identity"."social_connections"("userId", "platform");

-- AddForeignKey
ALTER TABLE "identity"."social_connections" ADD CONSTRAINT "social_connections_userId_fkey" FOREIGN KEY ("userId") REFERENCES "identity"."users"("id") ON DELETE CASCADE ON UPDATE NO ACTION;

ALTER TABLE "identity"."social_connections" ADD CONSTRAINT "social_connections_external_user_id_not_empty" CHECK (char_length("externalUserId") > 0);

-- Not tenant data: the tenant-bound role gets no grant, and row-level security without a policy
-- keeps it out even if a later blanket GRANT on the schema reaches this table.
ALTER TABLE "identity"."social_connections" ENABLE ROW LEVEL SECURITY;
