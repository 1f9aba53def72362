// Issue 14: library items linked to a network as members-only are hidden from non-members everywhere (item page 404,
// library list and search, federated search, /api/library, /api/search, the Atom feed, area and event pages) and shown
// to members and staff with a badge; a member whose city leaves the network loses them at once. SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRecentPublishedLibrary } from "../../db/repositories/library-feed.js";
import { listMemberNetworkIdsOfUser } from "../../db/repositories/library-visibility.js";
import { findUserByEmail } from "../../db/repositories/users.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, type TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

const NET = "zmiany-demograficzne";
const BADGE = "tylko dla członków sieci";

describe.each(await dialects())("members-only network materials (%s)", (dialect) => {
  let app: TestServer;
  let who: Record<"anonymous" | "outsider" | "member" | "staff", TestClient>;
  let item: { slug: string; title: string };
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    const outsider = await signedIn(app.url, null);
    await outsider.login("kalisz@frl.test"); // Kalisz is not in the network
    who = { anonymous: await signedIn(app.url, null), outsider, member: await signedIn(app.url, "member"), staff: await signedIn(app.url, "moderator") };
    const mod = (await findUserByEmail(app.services.db.db, "moderator@frl.test"))!;
    const page = (await app.services.networks.page(NET, { id: mod.id, role: mod.role, cityId: null }))!;
    const m = page.materials.find((x) => x.membersOnly)!;
    item = { slug: m.slug, title: m.title };
    await app.services.search.indexer.waitUntilEmpty(30_000);
  });
  afterAll(async () => app?.stop());

  // The first few words of the title, as someone would search for it.
  const query = () => encodeURIComponent(item.title.split(/\s+/).slice(0, 4).join(" "));

  async function sees(c: TestClient): Promise<Record<string, boolean>> {
    const page = await c.get(`/biblioteka/${item.slug}`);
    const pageHtml = await page.text();
    const search = (await c.html(`/biblioteka?q=${query()}`)).html;
    const federated = (await c.html(`/szukaj?q=${query()}`)).html;
    const area = (await c.html(`/obszary/demografia`)).html;
    return {
      page: page.status === 200,
      badge: pageHtml.includes(BADGE),
      search: search.includes(`/biblioteka/${item.slug}"`),
      federated: federated.includes(`/biblioteka/${item.slug}"`),
      area: area.includes(`/biblioteka/${item.slug}"`),
    };
  }

  it("anonymous visitors and people outside the network find it nowhere; members and staff find it with a badge", async () => {
    const hidden = { page: false, badge: false, search: false, federated: false, area: false };
    const shown = { page: true, badge: true, search: true, federated: true, area: true };
    expect(await sees(who.anonymous)).toEqual(hidden);
    expect(await sees(who.outsider)).toEqual(hidden);
    expect(await sees(who.member)).toEqual(shown);
    expect(await sees(who.staff)).toEqual(shown);
    expect((await who.member.html(`/biblioteka?q=${query()}`)).html).toContain(BADGE);
    expect((await who.member.html("/obszary/demografia")).html).toContain(BADGE);
    expect((await who.staff.html(`/sieci/${NET}`)).html).toContain(BADGE);
  });

  it("the public API, the Atom feed and the public search never carry it", async () => {
    for (const c of [who.anonymous, who.member]) {
      expect((await c.get(`/api/library/${item.slug}`)).status).toBe(404);
      const api = (await (await c.get(`/api/search?q=${query()}`)).json()) as { hits: { slug: string }[] };
      expect(api.hits.map((h) => h.slug)).not.toContain(item.slug);
      expect(await (await c.get("/biblioteka/atom.xml")).text()).not.toContain(`/biblioteka/${item.slug}`);
    }
    // Digests: a person's digest carries the item only when they are a member of its network.
    const db = app.services.db.db;
    const digestOf = async (email: string) => (await listRecentPublishedLibrary(db, { limit: 1000, viewer: await listMemberNetworkIdsOfUser(db, (await findUserByEmail(db, email))!.id) })).map((i) => i.slug);
    expect(await digestOf("member@frl.test")).toContain(item.slug);
    expect(await digestOf("kalisz@frl.test")).not.toContain(item.slug);
    // A public search over everything still answers with the public items.
    const all = (await (await who.anonymous.get("/api/search?hitsPerPage=100")).json()) as { hits: { slug: string }[]; estimatedTotalHits: number };
    expect(all.estimatedTotalHits).toBeGreaterThan(0);
    expect(all.hits.map((h) => h.slug)).not.toContain(item.slug);
  });

  it("a member whose city leaves the network loses it at once", async () => {
    const admin = (await findUserByEmail(app.services.db.db, "admin@frl.test"))!;
    await app.services.networks.removeCity({ id: admin.id, role: admin.role, cityId: null }, NET, "dzierzoniow");
    expect(await sees(who.member)).toEqual({ page: false, badge: false, search: false, federated: false, area: false });
    expect((await who.staff.get(`/biblioteka/${item.slug}`)).status).toBe(200);
  });
});
