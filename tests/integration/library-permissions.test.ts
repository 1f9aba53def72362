import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { libraryAccess, type Actor } from "../../server/auth/permissions.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { createItem, itemForm, setStatus } from "./library-support.js";

type Who = "anonymous" | "member" | "moderator" | "admin";
const everyone: Who[] = ["anonymous", "member", "moderator", "admin"];

describe("libraryAccess rules", () => {
  const member: Actor = { id: 3, role: "member", cityId: 7 };
  const other: Actor = { id: 4, role: "member", cityId: 7 };
  const own = { status: "draft" as const, authorId: 3, cityId: 7, kind: "good_practice" };
  it.each([
    ["anonymous, published", null, { ...own, status: "published" as const }, { view: true, edit: false, to: [] }],
    ["anonymous, draft", null, own, { view: false, edit: false, to: [] }],
    ["proposer, draft", member, own, { view: true, edit: true, to: ["in_review"] }],
    ["proposer, in review", member, { ...own, status: "in_review" as const }, { view: true, edit: true, to: ["draft"] }],
    ["proposer, published", member, { ...own, status: "published" as const }, { view: true, edit: false, to: [] }],
    ["proposer who moved city", { ...member!, cityId: 8 }, own, { view: false, edit: false, to: [] }],
    ["another member, draft", other, own, { view: false, edit: false, to: [] }],
    ["moderator, draft", { id: 2, role: "moderator", cityId: null } as Actor, own, { view: true, edit: true, to: ["in_review", "published"] }],
  ])("%s", (_label, actor, item, expected) => {
    expect(libraryAccess(actor as Actor, item)).toEqual(expected);
  });
});

describe.each(await dialects())("library permission matrix over HTTP on %s", (dialect) => {
  let app: TestServer;
  let c: Record<Who, TestClient>;
  let draft: string;
  let published: string;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    c = { anonymous: await signedIn(app.url, null), member: await signedIn(app.url, "member"), moderator: await signedIn(app.url, "moderator"), admin: await signedIn(app.url, "admin") };
    for (const k of everyone) await c[k].get("/biblioteka");
    draft = await createItem(c.admin, { title: "Szkic administratora" });
    published = await createItem(c.admin, { title: "Opublikowana publikacja" });
    await setStatus(c.admin, published, "published");
  });
  afterAll(async () => app?.stop());

  const matrix: { what: string; run: (who: Who) => Promise<number>; expect: Record<Who, number> }[] = [
    { what: "read a published item", run: async (w) => (await c[w].get(`/biblioteka/${published}`)).status, expect: { anonymous: 200, member: 200, moderator: 200, admin: 200 } },
    { what: "read a draft", run: async (w) => (await c[w].get(`/biblioteka/${draft}`)).status, expect: { anonymous: 404, member: 404, moderator: 200, admin: 200 } },
    { what: "read a draft through the API", run: async (w) => (await c[w].get(`/api/library/${draft}`)).status, expect: { anonymous: 404, member: 404, moderator: 404, admin: 404 } },
    { what: "open the create form", run: async (w) => (await c[w].get("/biblioteka/nowa")).status, expect: { anonymous: 302, member: 200, moderator: 200, admin: 200 } },
    { what: "edit someone else's item", run: async (w) => (await c[w].get(`/biblioteka/${published}/edycja`)).status, expect: { anonymous: 302, member: 403, moderator: 200, admin: 200 } },
    { what: "post an edit to someone else's item", run: async (w) => (await c[w].post(`/biblioteka/${published}/edycja`, { intent: "save", ...itemForm({ title: `Zmienione przez ${w}` }) })).status, expect: { anonymous: 302, member: 403, moderator: 302, admin: 302 } },
    { what: "see the review list", run: async (w) => (await c[w].get("/biblioteka/moje")).status, expect: { anonymous: 302, member: 200, moderator: 200, admin: 200 } },
    { what: "open the import page", run: async (w) => (await c[w].get("/admin/import")).status, expect: { anonymous: 302, member: 403, moderator: 403, admin: 200 } },
  ];

  for (const row of matrix) {
    it(`${row.what}: ${everyone.map((w) => `${w} ${row.expect[w]}`).join(", ")}`, async () => {
      const got = Object.fromEntries(await Promise.all(everyone.map(async (w) => [w, await row.run(w)] as const)));
      expect(got).toEqual(row.expect);
    });
  }

  it("a member proposes a good practice for their own city only, submits it, and cannot publish it", async () => {
    // The form asks for another city and kind; the service pins both to the member's own city and good practice.
    const slug = await createItem(c.member, { kind: "publication", city: "kalisz", title: "Dzierżoniowski program sąsiedzki" });
    const item = (await app.services.db.db.selectFrom("libraryItems").innerJoin("cities", "cities.id", "libraryItems.cityId").select(["kind", "status", "cities.slug"]).where("libraryItems.slug", "=", slug).executeTakeFirstOrThrow());
    expect(item).toEqual({ kind: "good_practice", status: "draft", slug: "dzierzoniow" });
    expect((await setStatus(c.member, slug, "published")).status).toBe(400);
    expect((await setStatus(c.member, slug, "in_review")).status).toBe(302);
    expect((await c.anonymous.get(`/biblioteka/${slug}`)).status).toBe(404);
    expect((await c.moderator.get("/biblioteka/moje?status=in_review")).status).toBe(200);
    expect((await setStatus(c.moderator, slug, "published")).status).toBe(302);
    expect((await c.anonymous.get(`/biblioteka/${slug}`)).status).toBe(200);
    expect((await c.member.get(`/biblioteka/${slug}/edycja`)).status).toBe(403); // published: only staff edit
  });

  it("a member without a city cannot propose", async () => {
    const expert = new TestClient(app.url);
    await expert.login("ekspert@frl.test");
    expect((await expert.get("/biblioteka/nowa")).status).toBe(403);
  });

  it("keeps every save as a revision that staff can view and restore", async () => {
    const slug = await createItem(c.moderator, { title: "Wersja pierwsza" });
    const id = (await app.services.library.published(slug)) ?? (await app.services.db.db.selectFrom("libraryItems").select("id").where("slug", "=", slug).executeTakeFirstOrThrow());
    expect((await c.moderator.post(`/biblioteka/${slug}/edycja`, { intent: "save", ...itemForm({ title: "Wersja druga", slug }) })).status).toBe(302);
    const revs = await app.services.library.revisions(id.id);
    expect(revs).toHaveLength(1);
    const view = await c.moderator.html(`/biblioteka/${slug}/wersje/${revs[0].id}`);
    expect(view.html).toContain("Wersja pierwsza");
    expect((await c.member.get(`/biblioteka/${slug}/wersje/${revs[0].id}`)).status).toBe(404);
    expect((await c.moderator.post(`/biblioteka/${slug}/edycja`, { intent: "restore", revisionId: String(revs[0].id) })).status).toBe(302);
    const page = await c.moderator.html(`/biblioteka/${slug}`);
    expect(page.html).toContain("<h1>Wersja pierwsza</h1>");
    expect(await app.services.library.revisions(id.id)).toHaveLength(2);
  });
});
