/**
 * `npm run bench:creative:gateway`: bench/creative.ts through the real gateway — identity,
 * workflows and creative behind it, a signed-up owner's token — as the issue asks.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { signUp } from "../e2e/test/support/client";
import { startStack } from "../e2e/test/support/stack";

// The bench measures the query, not the per-user rate limit; and the dashboard asks for up to
// 100 × 100 × 100 nodes by its page sizes, far past the default cost limit of 10,000.
const stack = await startStack({ gatewayEnv: { RATE_LIMIT_USER_CAPACITY: "0", MAX_COST: "10000000" } });
try {
  const owner = await signUp(stack.url(), "Bench");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "creative.ts")], {
    stdio: "inherit",
    env: {
      ...process.env,
      CREATIVE_BENCH_URL: stack.url(),
      CREATIVE_BENCH_HEADERS: JSON.stringify({ authorization: `Bearer ${owner.token}` }),
      CREATIVE_BENCH_TENANT_ID: owner.tenantId,
      CREATIVE_BENCH_DATABASE_URL: stack.db.url,
    },
  });
  await new Promise((resolve) => child.on("exit", resolve));
} finally {
  await stack.close();
}
