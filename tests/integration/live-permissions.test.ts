import { describe, expect, it } from "vitest";
import { can, type Actor } from "../../server/auth/permissions.js";

const actors: Record<string, Actor> = {
  anonymous: null,
  member: { id: 3, role: "member", cityId: 1 },
  moderator: { id: 2, role: "moderator", cityId: null },
  admin: { id: 1, role: "admin", cityId: null },
};

// The live rows of the permission table, walked for every kind of person.
const matrix = {
  "live:read": { anonymous: true, member: true, moderator: true, admin: true },
  "live:write": { anonymous: false, member: true, moderator: true, admin: true },
  "live:moderate": { anonymous: false, member: false, moderator: true, admin: true },
} as const;

describe("live permissions matrix", () => {
  for (const [permission, row] of Object.entries(matrix)) {
    for (const [who, allowed] of Object.entries(row)) {
      it(`${who} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(actors[who], permission as keyof typeof matrix)).toBe(allowed);
      });
    }
  }
});
