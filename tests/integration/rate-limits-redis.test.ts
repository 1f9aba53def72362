// Rate limits hold across instances when they share Redis: failed logins counted on one instance count on the other.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../server/logger.js";
import { RedisRateLimiter } from "../../server/auth/rate-limit.js";
import { TestClient } from "../setup/http-client.js";
import { redisUnavailableReason, TEST_REDIS_URL } from "../setup/redis.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

const redisSkip = await redisUnavailableReason();

describe("rate limits shared through Redis", () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  it.skipIf(redisSkip !== null)("five failed logins for one account from one address, spread over two instances, refuse that address on both", async () => {
    // Both instances share one key prefix, as instances of one deployment do.
    const env = { REDIS_URL: TEST_REDIS_URL, RATE_LIMIT_PREFIX: `frl:rate:test:${randomBytes(4).toString("hex")}:` };
    const a = await startTestServer({ env });
    const b = await startTestServer({ env });
    servers.push(a, b);
    // A fresh address each run: counters live in Redis for 15 minutes.
    const email = `nikt-${randomBytes(6).toString("hex")}@frl.test`;
    const attempt = async (app: TestServer) => {
      const client = new TestClient(app.url);
      await client.get("/login");
      return client.post("/login", { email, password: "zle-haslo-123" });
    };
    for (const app of [a, b, a, b, a]) expect((await attempt(app)).status).toBe(401);
    for (const app of [b, a]) {
      const res = await attempt(app);
      expect(res.status).toBe(429);
      expect(await res.text()).toContain("Zbyt wiele nieudanych prób logowania na to konto");
    }
  });

  it.skipIf(redisSkip !== null)("counts on its own instance when Redis stops answering, without failing requests", async () => {
    const limiter = await RedisRateLimiter.connect(TEST_REDIS_URL, "frl:rate:test:", createLogger("silent"));
    const key = `test:${randomBytes(6).toString("hex")}`;
    expect(await limiter.hit(key, 2, 60_000)).toMatchObject({ allowed: true, retryAfterMs: 0 });
    await (limiter as unknown as { client: { disconnect(): Promise<void> } }).client.disconnect();
    expect((await limiter.hit(key, 1, 60_000)).allowed).toBe(true);
    const refused = await limiter.hit(key, 1, 60_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    await limiter.close();
  });
});
