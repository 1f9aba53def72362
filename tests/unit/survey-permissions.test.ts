// Issue 13: the survey rows of the permission table, walked over anonymous, unverified member, verified
// representative, moderator and admin. The Actor's cityId is the VERIFIED city, so a pending claim answers nothing.
import { describe, expect, it } from "vitest";
import { can, cityAnswersAccess, surveyAccess, type Actor } from "../../server/auth/permissions.js";

type Who = "anonymous" | "unverified" | "representative" | "moderator" | "admin";
const actors: Record<Who, Actor> = {
  anonymous: null,
  unverified: { id: 10, role: "member", cityId: null },
  representative: { id: 11, role: "member", cityId: 1 },
  moderator: { id: 2, role: "moderator", cityId: null },
  admin: { id: 1, role: "admin", cityId: null },
};
const everyone = Object.keys(actors) as Who[];
const who = (check: (a: Actor) => boolean) => everyone.filter((w) => check(actors[w]));

describe("survey permissions", () => {
  it("everyone reads a survey; only verified representatives answer for a city; anyone signed in for themselves", () => {
    expect(who((a) => can(a, "survey:view"))).toEqual(everyone);
    expect(who((a) => can(a, "survey:answer-city"))).toEqual(["representative"]);
    expect(who((a) => can(a, "survey:answer-person"))).toEqual(["unverified", "representative", "moderator", "admin"]);
  });

  it("staff import, export, invite, propose and read results at any time", () => {
    expect(who((a) => can(a, "survey:manage"))).toEqual(["moderator", "admin"]);
    expect(who((a) => surveyAccess(a, { respondent: "city", phase: "open", answered: true }).results)).toEqual(["moderator", "admin"]);
  });

  it("answering only while open; respondents who answered see results once the survey closes", () => {
    expect(who((a) => surveyAccess(a, { respondent: "city", phase: "open", answered: false }).answer)).toEqual(["representative"]);
    expect(who((a) => surveyAccess(a, { respondent: "city", phase: "upcoming", answered: false }).answer)).toEqual([]);
    expect(who((a) => surveyAccess(a, { respondent: "city", phase: "closed", answered: false }).answer)).toEqual([]);
    expect(who((a) => surveyAccess(a, { respondent: "city", phase: "closed", answered: true }).results)).toEqual(["representative", "moderator", "admin"]);
    expect(who((a) => surveyAccess(a, { respondent: "city", phase: "closed", answered: false }).results)).toEqual(["moderator", "admin"]);
  });

  it("a person survey is answered by anyone signed in, while open; results as for city surveys", () => {
    expect(who((a) => surveyAccess(a, { respondent: "person", phase: "open", answered: false }).answer)).toEqual(["unverified", "representative", "moderator", "admin"]);
    expect(who((a) => surveyAccess(a, { respondent: "person", phase: "upcoming", answered: false }).answer)).toEqual([]);
    expect(who((a) => surveyAccess(a, { respondent: "person", phase: "closed", answered: false }).answer)).toEqual([]);
    expect(who((a) => surveyAccess(a, { respondent: "person", phase: "open", answered: true }).results)).toEqual(["moderator", "admin"]);
    expect(who((a) => surveyAccess(a, { respondent: "person", phase: "closed", answered: true }).results)).toEqual(["unverified", "representative", "moderator", "admin"]);
  });

  it("a city's own answers (its profile) are seen by its verified representatives and staff only", () => {
    expect(who((a) => cityAnswersAccess(a, 1))).toEqual(["representative", "moderator", "admin"]);
    // A representative of city 1 sees nothing of city 2.
    expect(who((a) => cityAnswersAccess(a, 2))).toEqual(["moderator", "admin"]);
  });
});
