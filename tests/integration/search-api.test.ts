// The search API and pages, served with search on the main thread and on search threads (the production setting).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../setup/test-server.js";
import { apiSearch } from "./library-support.js";
import type { CachedSearchEngine } from "../../search/shared/result-cache.js";

describe.each(["0", "2"])("search with SEARCH_THREADS=%s", (threads) => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer({ env: { SEARCH_THREADS: threads } });
    await app.services.search.indexer.waitUntilEmpty(30_000);
  });
  afterAll(async () => app?.stop());

  it("is served by the configured kind of engine", () => {
    // Behind the result cache (search/shared/result-cache.ts), which keeps answers until this process changes the index.
    const engine = app.services.search.engine as CachedSearchEngine;
    expect(engine.constructor.name).toBe("CachedSearchEngine");
    expect(engine.inner.constructor.name).toBe(threads === "0" ? "EmbeddedSearchEngine" : "ThreadedSearchEngine");
  });

  describe("GET /api/search", () => {
    it("returns exactly the documented shape", async () => {
      const { status, body } = await apiSearch(app, "q=rewitalizacja&hitsPerPage=3");
      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(["estimatedTotalHits", "facetDistribution", "hits", "hitsPerPage", "page", "processingTimeMs"]);
      expect(body.hits).toHaveLength(3);
      for (const h of body.hits) {
        expect(Object.keys(h).sort()).toEqual(["_formatted", "externalId", "id", "kind", "slug", "title", "url"]);
        expect(Object.keys(h._formatted).sort()).toEqual(["summary", "title"]);
        expect(typeof h.id).toBe("number");
        expect(h.url).toBe(`/biblioteka/${h.slug}`);
      }
      expect(body.hits[0]._formatted.title).toContain("<mark>");
      expect(Object.keys(body.facetDistribution).sort()).toEqual(["areas", "city", "kind", "year"]);
      expect(body).toMatchObject({ page: 1, hitsPerPage: 3 });
    });

    it("forgives missing Polish letters and filters by kind, area, city and years", async () => {
      const plain = await apiSearch(app, "q=dzierzoniow&kind=good_practice&city=dzierzoniow");
      expect(plain.body.hits.length).toBeGreaterThan(0);
      expect(plain.body.hits.every((h: { kind: string }) => h.kind === "good_practice")).toBe(true);
      expect(Object.keys(plain.body.facetDistribution.city)).toEqual(["dzierzoniow"]);
      const years = await apiSearch(app, "yearFrom=2021&yearTo=2022&hitsPerPage=100&area=finanse&kind=publication,tool");
      expect(years.status).toBe(200);
      for (const y of Object.keys(years.body.facetDistribution.year ?? {})) expect(Number(y)).toBeGreaterThanOrEqual(2021);
      for (const k of Object.keys(years.body.facetDistribution.kind ?? {})) expect(["publication", "tool"]).toContain(k);
      expect(Object.keys(years.body.facetDistribution.areas ?? {})).toContain("finanse");
      const second = await apiSearch(app, "hitsPerPage=5&page=2");
      expect(second.body.page).toBe(2);
      expect(second.body.hits).toHaveLength(5);
    });

    it.each([
      ["kind=podcast", "kind", /nie jest rodzajem/],
      ["area=kosmos", "area", /nie jest obszarem/],
      ["city=Łódź", "city", /identyfikatora miasta/],
      ["yearFrom=dwa-tysiace", "yearFrom", /liczby całkowitej/],
      ["yearFrom=2024&yearTo=2020", "yearFrom", /późniejszy/],
      ["page=0", "page", /zakres/],
      ["hitsPerPage=1000", "hitsPerPage", /zakres/],
      ["sort=popularity", "sort", /dozwolone/],
      ["kinds=tool", "kinds", /nieznany parametr/],
      [`q=${"a".repeat(201)}`, "q", /200 znaków/],
    ])("%s → 400 naming the parameter", async (qs, param, message) => {
      const { status, body } = await apiSearch(app, qs);
      expect(status).toBe(400);
      expect(body.error.code).toBe("bad_parameter");
      expect(body.error.parameter).toBe(param);
      expect(body.error.message).toMatch(message);
    });
  });

  describe("GET /api/library/{slug} and /api/openapi.json", () => {
    it("returns a published item, 404 for unknown and 400 for a malformed slug", async () => {
      const { body } = await apiSearch(app, "q=monitor+rozwoju+lokalnego&hitsPerPage=1");
      const res = await fetch(`${app.url}/api/library/${body.hits[0].slug}`);
      expect(res.status).toBe(200);
      const item = await res.json();
      expect(item).toMatchObject({ slug: body.hits[0].slug, title: body.hits[0].title, url: body.hits[0].url });
      expect((await fetch(`${app.url}/api/library/nie-ma-takiej-pozycji`)).status).toBe(404);
      const bad = await fetch(`${app.url}/api/library/ZLY%20ADRES`);
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.code).toBe("bad_parameter");
    });

    it("describes both operations in OpenAPI 3.1", async () => {
      const doc = await (await fetch(`${app.url}/api/openapi.json`)).json();
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/search", "/api/library/{slug}"]));
      expect(doc.paths["/api/search"].get.parameters.map((p: { name: string }) => p.name)).toEqual(["q", "kind", "area", "city", "yearFrom", "yearTo", "sort", "page", "hitsPerPage"]);
      expect(doc.components.schemas.SearchHit.required).toEqual(["id", "externalId", "slug", "kind", "title", "url", "_formatted"]);
    });
  });

  describe("the /biblioteka page without JavaScript", () => {
    it("keeps the whole state in the URL: query, facets, chips, sort and pages", async () => {
      const res = await fetch(`${app.url}/biblioteka?q=rewitalizacja&kind=good_practice&sort=title:asc`);
      const html = await res.text();
      expect(res.status).toBe(200);
      expect(html).toMatch(/<input[^>]*id="f-kind-good_practice"[^>]*checked/);
      expect(html).toContain('aria-label="Usuń filtr: Dobra praktyka"');
      expect(html).toMatch(/<option value="title:asc" selected/);
      expect(html).toContain("<mark>");
    });

    it("says the default order is newest first when there is no query, relevance when there is one", async () => {
      const browse = await (await fetch(`${app.url}/biblioteka`)).text();
      expect(browse).toMatch(/<option value="relevance" selected="">Domyślnie \(najnowsze\)<\/option>/);
      const years = [...browse.matchAll(/<span class="badge kind-[^"]*">[^<]*<\/span> · (?:<!-- -->)?(\d{4})/g)].map((m) => Number(m[1]));
      expect(years.length).toBeGreaterThan(1);
      expect(years).toEqual([...years].sort((a, b) => b - a));
      const query = await (await fetch(`${app.url}/biblioteka?q=rewitalizacja`)).text();
      expect(query).toMatch(/<option value="relevance" selected="">Trafność<\/option>/);
    });

    it("suggests what to try when nothing matches, and answers 400 for a bad parameter", async () => {
      const none = await (await fetch(`${app.url}/biblioteka?q=qqqxxzzyy`)).text();
      expect(none).toContain("Nic nie znaleźliśmy");
      expect(none).toContain("/biblioteka?q=bud%C5%BCet%20obywatelski");
      const bad = await fetch(`${app.url}/biblioteka?kind=podcast`);
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain("nie jest rodzajem");
    });
  });
});

describe("the JSON API's budget per client address", () => {
  let app: TestServer;
  beforeAll(async () => {
    app = await startTestServer({ env: { API_RATE_LIMIT: "5" } });
  });
  afterAll(async () => app?.stop());

  it("answers 429 with Retry-After and a message once a client is over API_RATE_LIMIT requests a minute; pages stay open", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await apiSearch(app, `q=rewitalizacja&page=${i + 1}`)).status);
    // Both operations share the budget.
    statuses.push((await fetch(`${app.url}/api/library/nie-ma-takiej-pozycji`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 404]);
    const refused = await fetch(`${app.url}/api/search?q=rewitalizacja`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/Zbyt wiele zapytań.*Spróbuj ponownie za \d+ s\./);
    expect((await fetch(`${app.url}/api/library/nie-ma-takiej-pozycji`)).status).toBe(429);
    // People browsing the library are not counted against the API.
    expect((await fetch(`${app.url}/biblioteka?q=rewitalizacja`)).status).toBe(200);
  });
});

