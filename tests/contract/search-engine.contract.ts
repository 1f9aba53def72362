// The one contract every SearchEngine adapter must pass: Meilisearch semantics (typos by word length, prefix on the
// last word, diacritics incl. ł, ranking rules, filters, facets, highlighting, cropping, sort, pagination) plus the
// Polish extras (inflection through stems, synonyms). Run by tests/contract/<adapter>.test.ts.
import { SearchQueryError, type SearchDocument, type SearchEngine, type SearchQuery } from "../../search/types";
import { fixtureSynonyms, fixtures } from "./search-fixtures";

export type MakeEngine = (label: string) => Promise<SearchEngine>;

const idsOf = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);
const lib = (n: number) => `library:${n}`;

/** Registers the contract suite for one adapter; makeEngine must return a fresh, empty engine per label. */
export function runSearchContract(name: string, makeEngine: MakeEngine): void {
  describe(`SearchEngine contract: ${name}`, () => {
    let engine: SearchEngine;
    const search = (q: string, extra: Partial<SearchQuery> = {}) => engine.search({ q, hitsPerPage: 50, ...extra });
    const all = (filter: string) => search("", { filter, hitsPerPage: 100 }).then((r) => idsOf(r).sort());
    const expected = (pred: (d: SearchDocument) => boolean) => fixtures.filter(pred).map((d) => d.id).sort();

    beforeAll(async () => {
      engine = await makeEngine("read");
      await engine.init({ synonyms: fixtureSynonyms });
      await engine.clear();
      await engine.upsert(fixtures);
    });
    afterAll(async () => {
      await engine.close();
    });

    it("counts documents and answers health checks", async () => {
      expect(await engine.count()).toBe(fixtures.length);
      expect(await engine.healthy()).toBe(true);
    });

    describe("matching", () => {
      it("ignores Polish diacritics, including ł, in queries and documents", async () => {
        expect(idsOf(await search("lodz"))).toContain(lib(2));
        expect(idsOf(await search("ŁÓDŹ"))).toContain(lib(2));
        expect(idsOf(await search("budzet obywatelski"))[0]).toBe(lib(1));
        expect(idsOf(await search("żory"))).toContain(lib(11));
      });

      it("allows no typo in words of up to 4 letters", async () => {
        expect(idsOf(await search("rafa "))).not.toContain(lib(1)); // "rada"
      });

      it("allows one typo from 5 letters (a swap counts as one) but not two", async () => {
        expect(idsOf(await search("budzte "))).toContain(lib(1));
        expect(idsOf(await search("bydzte "))).not.toContain(lib(1));
      });

      it("allows two typos from 9 letters but not three", async () => {
        expect(idsOf(await search("rewitalisajca "))).toContain(lib(2));
        expect(idsOf(await search("rawitalisajca "))).not.toContain(lib(2));
      });

      it("counts a typo on the first letter as two", async () => {
        expect(idsOf(await search("ompost "))).not.toContain(lib(7));
      });

      it("matches the last word as a prefix while it is being typed, not once it is finished", async () => {
        expect(idsOf(await search("rewit"))).toContain(lib(2));
        expect(idsOf(await search("dzierz"))).toContain(lib(1));
        expect(idsOf(await search("rewit "))).not.toContain(lib(2));
      });

      it("matches inflected forms through stems, both ways", async () => {
        expect(idsOf(await search("obywatelskiego budżetu"))[0]).toBe(lib(1));
        expect(idsOf(await search("miastach"))).toContain(lib(14));
        expect(idsOf(await search("zielony dach"))).toContain(lib(5));
      });

      it("expands synonyms in both directions, also for inflected phrases", async () => {
        expect(idsOf(await search("mrl"))).toContain(lib(3));
        expect(idsOf(await search("monitor rozwoju lokalnego"))).toContain(lib(4));
        expect(idsOf(await search("monitora rozwoju lokalnego"))).toContain(lib(4));
      });

      it("returns nothing for words that match nothing", async () => {
        const r = await search("xyzzyqwv");
        expect(r.hits).toEqual([]);
        expect(r.estimatedTotalHits).toBe(0);
      });
    });

    describe("ranking rules", () => {
      it("words: documents matching more query words come first", async () => {
        const ids = idsOf(await search("budżet obywatelski"));
        expect(ids.indexOf(lib(1))).toBeLessThan(ids.indexOf(lib(14)));
      });

      it("typo: an exact word beats a typo even in a better attribute", async () => {
        const ids = idsOf(await search("kompost "));
        expect(ids).toContain(lib(11));
        expect(ids.indexOf(lib(7))).toBeLessThan(ids.indexOf(lib(11)));
      });

      it("proximity: words close together beat words far apart", async () => {
        const ids = idsOf(await search("zielony dach"));
        expect(ids.indexOf(lib(5))).toBeLessThan(ids.indexOf(lib(15)));
      });

      it("attribute: title beats summary beats body", async () => {
        const ids = idsOf(await search("kompostownik"));
        expect(ids.slice(0, 3)).toEqual([lib(6), lib(7), lib(8)]);
      });

      it("exactness: an exact word beats a prefix", async () => {
        const ids = idsOf(await search("park"));
        expect(ids.indexOf(lib(16))).toBeGreaterThanOrEqual(0);
        expect(ids.indexOf(lib(16))).toBeLessThan(ids.indexOf(lib(17)));
      });
    });

    describe("filters", () => {
      it("supports = and != on plain and array attributes", async () => {
        expect(await all("kind = good_practice")).toEqual(expected((d) => d.kind === "good_practice"));
        expect(await all("kind != good_practice")).toEqual(expected((d) => d.kind !== "good_practice"));
        expect(await all("areas = finanse")).toEqual(expected((d) => d.areas.includes("finanse")));
        expect(await all("city = lodz")).toEqual([lib(2)]);
        expect(await all("eventId = 7")).toEqual([lib(4)]);
      });

      it("supports IN, numeric comparisons and ranges", async () => {
        expect(await all("areas IN [finanse, gospodarka]")).toEqual(expected((d) => d.areas.some((a) => ["finanse", "gospodarka"].includes(a))));
        expect(await all("year >= 2022")).toEqual(expected((d) => (d.year ?? 0) >= 2022));
        expect(await all("year > 2022")).toEqual(expected((d) => (d.year ?? 0) > 2022));
        expect(await all("year <= 2018")).toEqual(expected((d) => d.year !== null && d.year <= 2018));
        expect(await all("year < 2018")).toEqual(expected((d) => d.year !== null && d.year < 2018));
        expect(await all("year 2019 TO 2021")).toEqual(expected((d) => d.year !== null && d.year >= 2019 && d.year <= 2021));
      });

      it("combines with AND, OR, NOT and parentheses", async () => {
        expect(await all("(kind = tool OR kind = recording) AND areas = gospodarka")).toEqual([lib(3), lib(4)].sort());
        expect(await all("NOT kind = good_practice AND year >= 2023")).toEqual(
          expected((d) => d.kind !== "good_practice" && (d.year ?? 0) >= 2023),
        );
        expect(await all("kind = tool OR city = kalisz")).toEqual([lib(3), lib(5)].sort());
      });

      it("keeps members-only documents (membersOf) out unless one of their networks is named; absent means public", async () => {
        const open = (d: SearchDocument) => !d.membersOf?.length;
        expect(await all("membersOf NOT EXISTS")).toEqual(expected(open));
        expect(await all('(membersOf NOT EXISTS OR membersOf IN ["2"])')).toEqual(expected((d) => open(d) || d.membersOf!.includes("2")));
        expect(await all('(membersOf NOT EXISTS OR membersOf IN ["1", "9"])')).toEqual(expected((d) => open(d) || d.membersOf!.includes("1")));
        expect(idsOf(await search("kompostownik", { filter: "membersOf NOT EXISTS" }))).toEqual([lib(8)]);
      });

      it("filters a text query too", async () => {
        expect(idsOf(await search("kompostownik", { filter: "kind = publication" }))).toEqual([lib(8)]);
      });

      it("rejects unknown attributes and malformed expressions with SearchQueryError", async () => {
        for (const filter of ["colour = red", "kind =", "(kind = tool", "year > abc", "kind = tool AND", "kind ~ tool"]) {
          await expect(search("", { filter }), filter).rejects.toBeInstanceOf(SearchQueryError);
        }
        await expect(search("", { sort: ["popularity:desc"] })).rejects.toBeInstanceOf(SearchQueryError);
      });
    });

    describe("facets", () => {
      it("counts values over the whole result set, not just the page", async () => {
        const r = await search("", { facets: ["kind", "areas"], hitsPerPage: 1 });
        expect(r.hits).toHaveLength(1);
        expect(r.estimatedTotalHits).toBe(fixtures.length);
        const kinds: Record<string, number> = {};
        const areas: Record<string, number> = {};
        for (const d of fixtures) {
          kinds[d.kind] = (kinds[d.kind] ?? 0) + 1;
          for (const a of d.areas) areas[a] = (areas[a] ?? 0) + 1;
        }
        expect(r.facetDistribution.kind).toEqual(kinds);
        expect(r.facetDistribution.areas).toEqual(areas);
      });

      it("counts after the filter and the query", async () => {
        const r = await search("kompostownik", { facets: ["kind"], filter: "year >= 2020" });
        expect(r.facetDistribution.kind).toEqual({ material: 1, good_practice: 1 });
        expect(r.estimatedTotalHits).toBe(2);
      });
    });

    describe("formatting", () => {
      it("wraps matches in <mark>, keeps the original casing and diacritics", async () => {
        const hit = (await search("budzet")).hits.find((h) => h.id === lib(1))!;
        expect(hit._formatted.title).toContain("<mark>Budżet</mark>");
        expect(hit.title).toBe("Budżet obywatelski w Dzierżoniowie");
      });

      it("HTML-escapes content so markup comes back inert", async () => {
        const hit = (await search("formularzy")).hits.find((h) => h.id === lib(9))!;
        expect(hit._formatted.title).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        expect(hit._formatted.title).not.toContain("<script>");
        expect(hit._formatted.summary).toBe("Tekst z &lt;b&gt;pogrubieniem&lt;/b&gt; &amp; znakami");
      });

      it("crops long text around the match with an ellipsis", async () => {
        const hit = (await search("fotowoltaika", { cropLength: 10 })).hits.find((h) => h.id === lib(10))!;
        const body = hit._formatted.body;
        expect(body).toMatch(/<mark>fotowoltaiki<\/mark>/);
        expect(body.startsWith("…")).toBe(true);
        expect(body.endsWith("…")).toBe(true);
        expect(body.replace(/<\/?mark>/g, "").match(/[\p{L}\p{N}]+/gu)!.length).toBeLessThanOrEqual(10);
      });
    });

    describe("sort and pagination", () => {
      it("sorts by date and by title in both directions", async () => {
        const byDate = (await search("", { sort: ["date:desc"], hitsPerPage: 100 })).hits.map((h) => h.date!);
        expect(byDate).toEqual([...byDate].sort().reverse());
        const asc = (await search("", { sort: ["date:asc"], hitsPerPage: 100 })).hits.map((h) => h.date!);
        expect(asc).toEqual([...asc].sort());
        const titles = (await search("", { sort: ["title:asc"], hitsPerPage: 3 })).hits.map((h) => h.title);
        expect(titles).toEqual(["Bezpieczeństwo formularzy <script>alert(1)</script>", "Budżet na kolejny rok", "Budżet obywatelski w Dzierżoniowie"]);
        const desc = (await search("", { sort: ["title:desc"], hitsPerPage: 1 })).hits.map((h) => h.title);
        expect(desc).toEqual(["Zielone dachy na przystankach w Kaliszu"]);
      });

      it("sorts text results when asked", async () => {
        const dates = (await search("kompostownik", { sort: ["date:desc"] })).hits.map((h) => h.date);
        expect(dates).toEqual(["2020-09-09", "2020-04-02", "2018-02-11"]);
      });

      it("pages with page and hitsPerPage", async () => {
        const p1 = await search("", { page: 1, hitsPerPage: 4, sort: ["date:asc"] });
        const p2 = await search("", { page: 2, hitsPerPage: 4, sort: ["date:asc"] });
        expect(p1.hits).toHaveLength(4);
        expect(p2.hits).toHaveLength(4);
        expect(idsOf(p1).filter((id) => idsOf(p2).includes(id))).toEqual([]);
        expect(p1.totalPages).toBe(Math.ceil(fixtures.length / 4));
        expect(p2.page).toBe(2);
        expect(p2.hitsPerPage).toBe(4);
        expect(typeof p1.processingTimeMs).toBe("number");
        expect((await search("", { page: 99, hitsPerPage: 4 })).hits).toEqual([]);
        await expect(search("", { page: 0 })).rejects.toBeInstanceOf(SearchQueryError);
      });
    });

    describe("writes", () => {
      let w: SearchEngine;
      beforeAll(async () => {
        w = await makeEngine("write");
        await w.init({ synonyms: fixtureSynonyms });
        await w.clear();
        await w.upsert(fixtures);
      });
      afterAll(async () => {
        await w.close();
      });

      it("replaces a document on upsert with the same id", async () => {
        const old = fixtures[0];
        await w.upsert([{ ...old, title: "Budżet partycypacyjny w Dzierżoniowie", summary: "Nowy opis." }]);
        expect(await w.count()).toBe(fixtures.length);
        expect(idsOf(await w.search({ q: "obywatelski" }))).not.toContain(old.id);
        const hit = (await w.search({ q: "partycypacyjny" })).hits.find((h) => h.id === old.id);
        expect(hit?.summary).toBe("Nowy opis.");
      });

      it("removes documents by id and ignores unknown ids", async () => {
        await w.remove([lib(5), "library:nope"]);
        expect(await w.count()).toBe(fixtures.length - 1);
        expect(idsOf(await w.search({ q: "przystankach" }))).not.toContain(lib(5));
      });

      it("clears everything", async () => {
        await w.clear();
        expect(await w.count()).toBe(0);
        expect((await w.search({ q: "" })).hits).toEqual([]);
        await w.upsert([fixtures[1]]);
        expect(idsOf(await w.search({ q: "lodz" }))).toEqual([lib(2)]);
      });
    });
  });
}
