// Issue 10: the permission table for city claims, walked for every kind of person. A claimed but unverified city is
// not in the Actor at all (cityId is the verified city), so an unverified member holds no city's rights.
import { describe, expect, it } from "vitest";
import { agendaAccess, can, cityClaimAccess, type Actor } from "../../server/auth/permissions.js";

type Who = "anonymous" | "unverified" | "representative" | "coordinator" | "moderator" | "admin";
const actors: Record<Who, Actor> = {
  anonymous: null,
  unverified: { id: 10, role: "member", cityId: null }, // stated Kalisz (city 1), still pending
  representative: { id: 11, role: "member", cityId: 1 },
  coordinator: { id: 12, role: "member", cityId: 1, coordinator: true },
  moderator: { id: 2, role: "moderator", cityId: null },
  admin: { id: 1, role: "admin", cityId: null },
};
const everyone = Object.keys(actors) as Who[];
const who = (check: (a: Actor) => boolean) => everyone.filter((w) => check(actors[w]));

describe("city claim permissions", () => {
  it("only admins and coordinators review claims; only admins name coordinators", () => {
    expect(who((a) => can(a, "city-claim:review"))).toEqual(["coordinator", "admin"]);
    expect(who((a) => can(a, "city-coordinator:manage"))).toEqual(["admin"]);
  });

  it("a coordinator decides their own city's claims, an admin every city's", () => {
    expect(who((a) => cityClaimAccess(a, 1))).toEqual(["coordinator", "admin"]);
    expect(who((a) => cityClaimAccess(a, 2))).toEqual(["admin"]);
    // The coordinator flag without a verified city (e.g. right after a change of city) grants nothing.
    expect(cityClaimAccess({ id: 12, role: "member", cityId: null, coordinator: true }, 1)).toBe(false);
  });

  it("city rights follow the verified city only", () => {
    expect(who((a) => can(a, "library:propose"))).toEqual(["representative", "coordinator", "moderator", "admin"]);
    const kaliszOnly = { mode: "cities" as const, cityIds: [1], open: true, ended: false };
    expect(Object.fromEntries(everyone.map((w) => [w, agendaAccess(actors[w], kaliszOnly)]))).toEqual({
      anonymous: "none",
      unverified: "none",
      representative: "edit",
      coordinator: "edit",
      moderator: "edit",
      admin: "edit",
    });
  });
});
