import { describe, expect, it } from "vitest";
import { randomToken, secureRandomBytes } from "../../server/auth/tokens.js";

describe("random values for tokens, nonces and CSRF masks", () => {
  it("never hands out the same bytes twice, across many refills of the pool", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5_000; i++) seen.add(secureRandomBytes(16).toString("hex"));
    expect(seen.size).toBe(5_000);
    const tokens = new Set(Array.from({ length: 2_000 }, () => randomToken()));
    expect(tokens.size).toBe(2_000);
  });

  it("gives exactly the bytes asked for, also for a request larger than the pool serves", () => {
    for (const n of [1, 16, 32, 48, 1024, 1025, 10_000]) expect(secureRandomBytes(n)).toHaveLength(n);
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("looks uniformly random: every byte value turns up over 256 KB", () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 8_192; i++) for (const b of secureRandomBytes(32)) counts[b]++;
    // 1,024 expected per value; a broken generator (zeros, a repeated block) would leave most values far off.
    expect(Math.min(...counts)).toBeGreaterThan(850);
    expect(Math.max(...counts)).toBeLessThan(1_200);
  });
});
