// Relevance proof: every Polish query of tests/search/relevance-queries.ts must put its expected library item in the
// top 3 of the embedded engine over the demo library (db/seed-data/library.jsonl).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedCities } from "../../db/seed-data/cities";
import { EmbeddedSearchEngine } from "../../search/embedded/engine";
import { fold } from "../../search/polish/normalize";
import type { SearchDocument } from "../../search/types";
import { relevanceCases, searchSynonyms, type RelevanceCase } from "./relevance-queries";

type Line = {
  externalId: string; kind: string; title: string; summary: string; body: string; areas?: string[]; tags?: string[];
  authors?: string[]; city?: string | null; year?: number | null;
};

const slugify = (s: string) => fold(s).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function toDocument(l: Line): SearchDocument {
  const city = l.city ? seedCities.find((c) => c.name === l.city || c.teryt === l.city || c.slug === l.city) : undefined;
  return {
    id: `library:${l.externalId}`, group: "library", kind: l.kind, externalId: l.externalId, slug: slugify(l.title),
    title: l.title, summary: l.summary, body: l.body.replace(/[#*_>`]/g, " "), areas: l.areas ?? [], tags: l.tags ?? [],
    authors: l.authors ?? [], city: city?.slug ?? (l.city ? slugify(l.city) : null), cityName: city?.name ?? l.city ?? null,
    year: l.year ?? null, eventId: null, date: l.year ? `${l.year}-01-01` : null, url: `/biblioteka/${slugify(l.title)}`,
  };
}

function filterOf(c: RelevanceCase): string | undefined {
  const parts: string[] = [];
  if (c.filter?.kind) parts.push(`kind = ${c.filter.kind}`);
  if (c.filter?.area) parts.push(`areas = ${c.filter.area}`);
  if (c.filter?.city) parts.push(`city = ${c.filter.city}`);
  return parts.length ? parts.join(" AND ") : undefined;
}

describe("relevance of the embedded engine on the demo library", () => {
  const dir = mkdtempSync(join(tmpdir(), "frl-relevance-"));
  const engine = new EmbeddedSearchEngine(join(dir, "search.db"));
  const lines = readFileSync(new URL("../../db/seed-data/library.jsonl", import.meta.url), "utf8")
    .split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Line);

  beforeAll(async () => {
    await engine.init({ synonyms: searchSynonyms });
    await engine.upsert(lines.map(toDocument));
  });
  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("has at least 40 cases whose expected items exist", () => {
    expect(relevanceCases.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(lines.map((l) => l.externalId));
    for (const c of relevanceCases) expect(ids, c.query).toContain(c.expect);
  });

  it.each(relevanceCases.map((c) => [`${c.why}: ${c.query}${c.filter ? " " + JSON.stringify(c.filter) : ""}`, c] as const))(
    "%s",
    async (_label, c) => {
      const result = await engine.search({ q: c.query, filter: filterOf(c), hitsPerPage: 3 });
      expect(result.hits.map((h) => h.externalId)).toContain(c.expect);
    },
  );
});
