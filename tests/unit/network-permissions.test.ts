// Issue 14: who is a member of a network, as one matrix over the permission table's networkAccess.
import { describe, expect, it } from "vitest";
import { can, networkAccess, type Actor } from "../../server/auth/permissions.js";

const DZIERZONIOW = 19;
const KALISZ = 10;
const membership = { cityIds: [DZIERZONIOW, 7], userIds: [500, 501] };

const actors: Record<string, Actor> = {
  anonymous: null,
  "member without a verified city": { id: 1, role: "member", cityId: null },
  "verified representative of a member city": { id: 2, role: "member", cityId: DZIERZONIOW },
  "verified representative of another city": { id: 3, role: "member", cityId: KALISZ },
  "network expert": { id: 500, role: "member", cityId: null },
  // A ZMP coordinator of the network without a staff role: a member of it, not its manager (see "network:manage").
  "network coordinator without a staff role": { id: 501, role: "member", cityId: null },
  moderator: { id: 4, role: "moderator", cityId: null },
  admin: { id: 5, role: "admin", cityId: null },
};

describe("network permission matrix", () => {
  it("decides view, manage and membership for every kind of person", () => {
    const got = Object.fromEntries(Object.entries(actors).map(([who, a]) => [who, { view: can(a, "network:view"), manage: can(a, "network:manage"), access: networkAccess(a, membership) }]));
    expect(got).toEqual({
      anonymous: { view: true, manage: false, access: "public" },
      "member without a verified city": { view: true, manage: false, access: "public" },
      "verified representative of a member city": { view: true, manage: false, access: "member" },
      "verified representative of another city": { view: true, manage: false, access: "public" },
      "network expert": { view: true, manage: false, access: "member" },
      "network coordinator without a staff role": { view: true, manage: false, access: "member" },
      moderator: { view: true, manage: true, access: "staff" },
      admin: { view: true, manage: true, access: "staff" },
    });
  });
});
