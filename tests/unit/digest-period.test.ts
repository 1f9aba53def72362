import { describe, expect, it } from "vitest";
import { digestPeriod, isoWeek } from "../../server/notifications/digest-period.js";

describe("digest periods", () => {
  it("numbers ISO weeks, including the ones that cross a new year", () => {
    expect(isoWeek("2026-12-05")).toBe("2026-W49");
    expect(isoWeek("2026-12-31")).toBe("2026-W53");
    expect(isoWeek("2027-01-03")).toBe("2026-W53");
    expect(isoWeek("2027-01-04")).toBe("2027-W01");
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
  });

  it("starts a digest day at 07:00 Warsaw time, in winter and in summer", () => {
    expect(digestPeriod("daily", new Date("2026-12-05T05:59:00Z"))).toBe("2026-12-04"); // 06:59 CET
    expect(digestPeriod("daily", new Date("2026-12-05T06:00:00Z"))).toBe("2026-12-05"); // 07:00 CET
    expect(digestPeriod("daily", new Date("2026-07-01T04:59:00Z"))).toBe("2026-06-30"); // 06:59 CEST
    expect(digestPeriod("daily", new Date("2026-07-01T05:00:00Z"))).toBe("2026-07-01"); // 07:00 CEST
    // Monday 7 December 2026, 06:30 in Warsaw still belongs to the week before.
    expect(digestPeriod("weekly", new Date("2026-12-07T05:30:00Z"))).toBe("2026-W49");
    expect(digestPeriod("weekly", new Date("2026-12-07T06:30:00Z"))).toBe("2026-W50");
  });
});
