import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, permissions, type Actor } from "../../server/auth/permissions.js";
import { signedIn, type TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

type Who = "anonymous" | "member" | "moderator" | "admin";
const everyone: Who[] = ["anonymous", "member", "moderator", "admin"];

// Expected status per role. 302 for anonymous means "sent to /login"; for signed-in people it is a redirect the page makes.
type Row = { method: "GET" | "POST"; path: string; body?: Record<string, string>; expect: Record<Who, number> };

const open = { anonymous: 200, member: 200, moderator: 200, admin: 200 };
const signedInOnly = { anonymous: 302, member: 200, moderator: 200, admin: 200 };
const staffOnly = { anonymous: 302, member: 403, moderator: 200, admin: 200 };
const adminOnly = { anonymous: 302, member: 403, moderator: 403, admin: 200 };

let app: TestServer;
let clients: Record<Who, TestClient>;
let upcoming: string;
let rows: Row[];

beforeAll(async () => {
  app = await startTestServer();
  clients = {
    anonymous: await signedIn(app.url, null),
    member: await signedIn(app.url, "member"),
    moderator: await signedIn(app.url, "moderator"),
    admin: await signedIn(app.url, "admin"),
  };
  for (const c of Object.values(clients)) await c.get("/wydarzenia");
  upcoming = (await app.services.events.list({ when: "upcoming", limit: 1 }))[0].slug;
  const past = "wyzwania-demograficzne-2020";
  rows = [
    { method: "GET", path: "/", expect: open },
    { method: "GET", path: "/wydarzenia", expect: open },
    { method: "GET", path: `/wydarzenia/${past}`, expect: open },
    { method: "GET", path: `/wydarzenia/${past}/kalendarz.ics`, expect: open },
    { method: "GET", path: "/kalendarz.ics", expect: open },
    { method: "GET", path: "/miasta", expect: open },
    { method: "GET", path: "/miasta/dzierzoniow", expect: open },
    { method: "GET", path: "/sieci", expect: open },
    { method: "GET", path: "/sieci/zmiany-demograficzne", expect: open },
    { method: "GET", path: "/obszary/demografia", expect: open },
    { method: "GET", path: "/api/networks", expect: open },
    { method: "GET", path: "/haslo/reset", expect: open },
    { method: "GET", path: "/login", expect: { anonymous: 200, member: 302, moderator: 302, admin: 302 } },
    { method: "GET", path: "/register", expect: { anonymous: 200, member: 302, moderator: 302, admin: 302 } },
    { method: "GET", path: "/konto", expect: signedInOnly },
    { method: "GET", path: "/moje-wydarzenia", expect: signedInOnly },
    { method: "GET", path: "/wydarzenia/nowe", expect: staffOnly },
    { method: "GET", path: `/wydarzenia/${past}/edycja`, expect: staffOnly },
    { method: "GET", path: "/admin/uzytkownicy", expect: adminOnly },
    { method: "GET", path: "/admin/dziennik", expect: adminOnly },
    { method: "GET", path: "/admin/wyszukiwarka", expect: adminOnly },
    // Survey invitations (issue 13): staff only; a personal sign-up link page needs a real token and no session.
    { method: "GET", path: "/ankiety/seminaria-2020/zaproszenia", expect: staffOnly },
    { method: "GET", path: `/register/zaproszenie?token=${"x".repeat(43)}`, expect: { anonymous: 404, member: 302, moderator: 302, admin: 302 } },
    { method: "GET", path: "/admin/sieci", expect: staffOnly },
    { method: "GET", path: "/admin/sieci/zmiany-demograficzne", expect: staffOnly },
    { method: "GET", path: "/admin/sieci/zmiany-demograficzne/spotkania", expect: staffOnly },
    { method: "GET", path: "/admin/sieci/zmiany-demograficzne/materialy", expect: staffOnly },
    { method: "GET", path: "/admin/sieci/zmiany-demograficzne/ustalenia", expect: staffOnly },
    // Mutations: valid CSRF token, deliberately empty or harmless payloads, so nothing real changes.
    { method: "POST", path: "/wydarzenia/nowe", body: {}, expect: { anonymous: 302, member: 403, moderator: 400, admin: 400 } },
    { method: "POST", path: `/wydarzenia/${past}/edycja`, body: {}, expect: { anonymous: 302, member: 403, moderator: 400, admin: 400 } },
    { method: "POST", path: `/wydarzenia/${upcoming}`, body: { intent: "register" }, expect: { anonymous: 302, member: 200, moderator: 200, admin: 200 } },
    { method: "POST", path: `/wydarzenia/${upcoming}`, body: { intent: "unregister" }, expect: { anonymous: 302, member: 200, moderator: 200, admin: 200 } },
    { method: "POST", path: `/wydarzenia/${upcoming}`, body: { intent: "restore-event" }, expect: { anonymous: 302, member: 403, moderator: 302, admin: 302 } },
    { method: "POST", path: "/admin/uzytkownicy", body: { userId: "x" }, expect: { anonymous: 302, member: 403, moderator: 403, admin: 400 } },
    { method: "POST", path: "/admin/wyszukiwarka", body: { intent: "nic" }, expect: { anonymous: 302, member: 403, moderator: 403, admin: 400 } },
    // Networks (issue 14): the demo member represents Dzierżoniów, a member city; the moderator is also its coordinator.
    { method: "POST", path: "/sieci/zmiany-demograficzne", body: { intent: "thread" }, expect: { anonymous: 302, member: 400, moderator: 400, admin: 400 } },
    { method: "POST", path: "/sieci/lokalna-energia", body: { intent: "agreement" }, expect: { anonymous: 302, member: 403, moderator: 400, admin: 400 } },
    { method: "POST", path: "/ankiety/seminaria-2020/zaproszenia", body: { intent: "invite" }, expect: { anonymous: 302, member: 403, moderator: 400, admin: 400 } },
    // Network staff screens (issue 14): empty forms are refused by validation, so nothing is created or changed.
    { method: "POST", path: "/admin/sieci", body: {}, expect: { anonymous: 302, member: 403, moderator: 400, admin: 400 } },
    { method: "POST", path: "/admin/sieci/zmiany-demograficzne", body: { intent: "city-add" }, expect: { anonymous: 302, member: 403, moderator: 400, admin: 400 } },
    { method: "POST", path: "/admin/sieci/zmiany-demograficzne/spotkania", body: { intent: "series" }, expect: { anonymous: 302, member: 403, moderator: 400, admin: 400 } },
    { method: "POST", path: "/admin/sieci/zmiany-demograficzne/materialy", body: { intent: "material-link" }, expect: { anonymous: 302, member: 403, moderator: 400, admin: 400 } },
    { method: "POST", path: "/admin/sieci/zmiany-demograficzne/ustalenia", body: { intent: "agreement" }, expect: { anonymous: 302, member: 403, moderator: 400, admin: 400 } },
    { method: "POST", path: "/konto", body: { intent: "nic" }, expect: { anonymous: 302, member: 400, moderator: 400, admin: 400 } },
  ];
});
afterAll(async () => app?.stop());

describe("permission matrix over every foundation route", () => {
  it.each(everyone)("%s gets the expected status on each route", async (who) => {
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const row of rows) {
      const c = clients[who];
      const res = row.method === "GET" ? await c.request(row.path) : await c.post(row.path, row.body ?? {});
      const key = `${row.method} ${row.path} ${JSON.stringify(row.body ?? {})}`;
      got[key] = res.status;
      want[key] = row.expect[who];
      if (res.status === 302 && who === "anonymous" && row.expect.anonymous === 302 && !["/login", "/register"].includes(row.path)) {
        expect(res.headers.get("location"), key).toMatch(/^\/login\?next=/);
      }
    }
    expect(got).toEqual(want);
  });

  it.each(["member", "moderator", "admin"] as const)("%s: every mutation without a CSRF token is refused with 403", async (who) => {
    for (const row of rows.filter((r) => r.method === "POST" && r.expect[who] !== 403)) {
      const res = await clients[who].post(row.path, row.body ?? {}, { csrf: false });
      expect(res.status, row.path).toBe(403);
    }
  });

  it("the permission table gives each role what the matrix above exercises", () => {
    const actors: Record<Who, Actor> = {
      anonymous: null,
      member: { id: 3, role: "member", cityId: 1 },
      moderator: { id: 2, role: "moderator", cityId: null },
      admin: { id: 1, role: "admin", cityId: null },
    };
    const table = Object.fromEntries(permissions.map((p) => [p, everyone.filter((w) => can(actors[w], p))]));
    expect(table).toMatchObject({
      "account:use": ["member", "moderator", "admin"],
      "event:view": everyone,
      "event:register": ["member", "moderator", "admin"],
      "event:manage": ["moderator", "admin"],
      "event:join-link-any": ["moderator", "admin"],
      "user:manage": ["admin"],
      "audit:view": ["admin"],
      "search:reindex": ["admin"],
      "network:view": everyone,
      "network:manage": ["moderator", "admin"],
    });
  });
});
