import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../setup/dialects.js";
import { signedIn } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

// Issue 12: a loader sends the browser what its page shows, not whole rows or the whole town directory (~1,100 towns).
describe.each(await dialects())("page data is what the page shows (%s)", (dialect) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    await app.services.search.indexer.kick();
  });
  afterAll(() => app?.stop());

  const data = async (path: string, route: string, who: "member" | "moderator" | null = null) => {
    const client = await signedIn(app.url, who);
    const res = await client.request(`${path}${path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(route)}`);
    expect(res.status).toBe(200);
    return res.json();
  };

  it("the library search names only the cities in its facets and filters", async () => {
    const page = await data("/biblioteka?city=kalisz", "routes/biblioteka._index");
    const named = Object.keys(page.labels.city);
    expect(named).toContain("kalisz");
    const shown = new Set(["kalisz", ...Object.keys(page.result.facetDistribution.city ?? {})]);
    expect(named.every((slug) => shown.has(slug))).toBe(true);
    expect(named.length).toBeLessThan(100);
  });

  it("the library sends the facet values it shows (the top 12 cities), the same ones its checkboxes offer", async () => {
    const page = await data("/biblioteka", "routes/biblioteka._index");
    const cities = Object.keys(page.result.facetDistribution.city);
    const all = (await app.services.search.engine.search({ q: "", filter: 'group = "library"', facets: ["city"], hitsPerPage: 0 })).facetDistribution?.city ?? {};
    expect(Object.keys(all).length).toBeGreaterThan(12);
    expect(cities).toHaveLength(12);
    const twelfth = Object.values(all).sort((a, b) => b - a)[11];
    for (const slug of cities) expect(all[slug]).toBeGreaterThanOrEqual(twelfth);
    expect(Object.keys(page.labels.city).sort()).toEqual([...cities].sort());
    const client = await signedIn(app.url, null);
    const html = await (await client.request("/biblioteka")).text();
    const boxes = [...html.matchAll(/name="city" value="([^"]+)"/g)].map((m) => m[1]);
    expect(boxes.sort()).toEqual([...cities].sort());
  });

  it("the agenda workspace sends the town list only to those who manage its settings", async () => {
    const [next] = await app.services.events.cards({ when: "upcoming", limit: 1 });
    const path = `/wydarzenia/${next.slug}/program`;
    expect((await data(path, "routes/wydarzenia.$slug.program", "member")).cities).toEqual([]);
    expect((await data(path, "routes/wydarzenia.$slug.program", "moderator")).cities.length).toBeGreaterThan(900);
  });

  it("a library item's page data carries its displayed fields, not the stored row", async () => {
    const list = await data("/biblioteka", "routes/biblioteka._index");
    const url: string = list.result.hits[0].url;
    const page = await data(url, "routes/biblioteka.$slug");
    expect(page.item.title).toBeTruthy();
    for (const hidden of ["id", "cityId", "eventId", "createdBy", "externalId", "authorName", "importHash", "bodySource", "bodyText", "createdAt"]) expect(page.item).not.toHaveProperty(hidden);
  });

  it("the register and account pages carry no town list, only the chosen town's name", async () => {
    for (const [path, route, who] of [["/register", "routes/register", null], ["/konto", "routes/konto", "member"]] as const) {
      const client = await signedIn(app.url, who);
      const raw = await (await client.request(`${path}?_data=${encodeURIComponent(route)}`)).text();
      // The city field asks /miasta/podpowiedzi as the person types; a page is no longer ~60 kB of towns.
      expect(raw.length).toBeLessThan(2000);
      expect(raw).not.toContain("Zduńska Wola");
      const page = await (await client.request(path)).text();
      expect(page.match(/<option/g)?.length ?? 0).toBeLessThan(20);
    }
    expect((await data("/konto", "routes/konto", "member")).profile.city).toBe("Dzierżoniów");
  });
});
