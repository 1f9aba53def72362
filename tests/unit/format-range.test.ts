// Event dates on cards and pages: one Warsaw day is written once, a range over midnight in Warsaw names both days,
// whatever the UTC dates say.
import { describe, expect, it } from "vitest";
import { formatRange } from "../../app/lib/format.js";

describe("formatRange", () => {
  it("writes a range within one Warsaw day with the date once", () => {
    expect(formatRange("2026-12-09T10:00:00.000Z", "2026-12-09T11:30:00.000Z")).toBe("9 grudnia 2026, 11:00–12:30");
  });
  it("goes by the Warsaw day, not the UTC one", () => {
    // 00:10–11:00 on 10 December in Warsaw, although the start is still 9 December in UTC.
    expect(formatRange("2026-12-09T23:10:00.000Z", "2026-12-10T10:00:00.000Z")).toBe("10 grudnia 2026, 00:10–11:00");
    // 23:30 on the 9th to 00:30 on the 10th in Warsaw, one UTC day.
    expect(formatRange("2026-12-09T22:30:00.000Z", "2026-12-09T23:30:00.000Z")).toBe("9 grudnia 2026, 23:30 – 10 grudnia 2026, 00:30");
  });
  it("names both days of a range over several days, in summer time too", () => {
    expect(formatRange("2026-06-01T07:00:00.000Z", "2026-06-02T14:00:00.000Z")).toBe("1 czerwca 2026, 09:00 – 2 czerwca 2026, 16:00");
  });
});
