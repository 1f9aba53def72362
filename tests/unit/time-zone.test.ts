import { describe, expect, it } from "vitest";
import { localToUtcIso, utcIsoToLocal } from "../../server/events/time-zone.js";
import { slugify } from "../../domain/slug.js";

describe("Warsaw wall-clock time", () => {
  it.each([
    ["2020-04-02T10:00", "2020-04-02T08:00:00.000Z"], // summer time, UTC+2
    ["2026-12-10T10:00", "2026-12-10T09:00:00.000Z"], // winter time, UTC+1
    ["2026-03-29T01:30", "2026-03-29T00:30:00.000Z"], // just before the spring change
    ["2026-10-25T04:00", "2026-10-25T03:00:00.000Z"], // after the autumn change
  ])("%s in Warsaw is %s", (local, utc) => {
    expect(localToUtcIso(local)).toBe(utc);
    expect(utcIsoToLocal(utc)).toBe(local);
  });

  it("rejects malformed input instead of guessing", () => {
    expect(() => localToUtcIso("2.04.2020 10:00")).toThrow(/Invalid local time/);
  });
});

describe("slugs", () => {
  it("folds every Polish letter, ł included", () => {
    expect(slugify("Łódź, Żagań i Świętochłowice — 2026")).toBe("lodz-zagan-i-swietochlowice-2026");
  });
});
