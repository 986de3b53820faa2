import { fileURLToPath } from "node:url";
import { positiveInt, z } from "@atelier/config";

const DEFAULT_SUBSCRIPTIONS_PATH = fileURLToPath(new URL("../../../schema/subscriptions.json", import.meta.url));

/** Live subscriptions and the event bus that feeds them (and announces access and registry changes). */
export const subscriptionsEnvShape = {
  SUBSCRIPTIONS_PATH: z.string().default(DEFAULT_SUBSCRIPTIONS_PATH),
  /** Where the event bus listens: Postgres LISTEN/NOTIFY on DATABASE_URL, or Redis when REDIS_URL is set. */
  DATABASE_URL: z.string().default("postgresql://postgres@127.0.0.1:5432/atelier"),
  REDIS_URL: z.string().optional(),
  SUBSCRIPTION_RESYNC_MS: positiveInt(5_000),
};

type SubscriptionsEnv = z.infer<z.ZodObject<typeof subscriptionsEnvShape>>;

export function subscriptionsConfigFrom(parsed: SubscriptionsEnv) {
  return {
    registryPath: parsed.SUBSCRIPTIONS_PATH,
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL,
    resyncMs: parsed.SUBSCRIPTION_RESYNC_MS,
  };
}
