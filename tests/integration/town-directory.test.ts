import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCityBySlug, listCities, seedTownDirectory } from "../../db/repositories/cities.js";
import { seedCities } from "../../db/seed-data/cities.js";
import { readOfficialTowns } from "../../db/seed-data/official-towns.js";
import { towns } from "../../db/seed-data/towns.js";
import { cityNameKey } from "../../domain/city-name-key.js";
import { formatImportReport, importLibraryJsonl } from "../../server/library/library-import.js";
import { dialects } from "../setup/dialects.js";
import { signedIn, TestClient } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

// Issue 11: good practices from real towns the old ~100-city directory did not know were refused.
const practice = (externalId: string, city: string) =>
  JSON.stringify({
    externalId,
    kind: "good_practice",
    title: `Dobra praktyka ${externalId}`,
    summary: "Opis.",
    areas: ["demografia"],
    city,
    year: 2024,
    goodPractice: { problem: "P.", solution: "S.", results: "R.", costAndFunding: "Budżet gminy.", period: "2023", contact: "Urząd" },
  });

describe.each(await dialects())("town directory on %s", (dialect) => {
  let app: TestServer;
  const db = () => app.services.db.db;
  const cityOfItem = async (externalId: string) =>
    (await db().selectFrom("libraryItems").innerJoin("cities", "cities.id", "libraryItems.cityId").select(["cities.name", "cities.slug", "cities.confirmed"]).where("libraryItems.externalId", "=", externalId).executeTakeFirst()) ?? null;
  beforeAll(async () => {
    app = await startTestServer({ dialect });
  });
  afterAll(async () => app?.stop());

  it("holds every Polish town with voivodeship and coordinates, the curated cities keeping their slugs and ids", async () => {
    const directory = await listCities(db());
    expect(directory.length).toBe(readOfficialTowns().length);
    expect(directory.every((c) => c.voivodeship !== "" && c.county !== "" && /^\d{7}$/.test(c.teryt ?? ""))).toBe(true);
    // GeoNames has no coordinates for a handful of small towns (docs/data-sources.md); every other town has them.
    expect(directory.filter((c) => c.lat === null || c.lng === null).length).toBeLessThan(10);
    expect(new Set(directory.map((c) => c.voivodeship)).size).toBe(16);
    // A fresh database numbers the curated cities first, in their order, as before the directory grew.
    for (const [i, c] of seedCities.entries()) expect((await findCityBySlug(db(), c.slug))?.id).toBe(i + 1);
    const ketrzyn = await findCityBySlug(db(), "ketrzyn");
    expect(ketrzyn).toMatchObject({ name: "Kętrzyn", voivodeship: "warmińsko-mazurskie", county: "powiat kętrzyński", countyTeryt: "2808" });
    expect(ketrzyn!.lat).toBeCloseTo(54.08, 1);
  });

  it("holds every town on the official list (GUS TERYT) in its voivodeship, and no village", async () => {
    const official = readOfficialTowns();
    const inDirectory = new Set((await listCities(db())).map((c) => `${cityNameKey(c.name)}|${c.voivodeship}|${c.teryt}`));
    const missing = official.filter((t) => !inDirectory.has(`${cityNameKey(t.name)}|${t.voivodeship}|${t.teryt}`));
    expect(missing).toEqual([]);
    // Small towns a population threshold left out, and towns granted status in 2025 and 2026.
    for (const [name, voivodeship] of [["Łeba", "pomorskie"], ["Nowe Warpno", "zachodniopomorskie"], ["Opatowiec", "świętokrzyskie"], ["Wiślica", "świętokrzyskie"], ["Kobylnica", "pomorskie"], ["Janów Podlaski", "lubelskie"]]) {
      expect((await listCities(db(), { q: name })).map((c) => c.voivodeship)).toContain(voivodeship);
    }
    // Large villages that are municipality seats, and a district of Warsaw, are not towns.
    for (const village of ["Pcim", "Kleszczów", "Mokotów"]) expect((await listCities(db(), { q: village })).map((c) => c.name)).not.toContain(village);
    const page = await new TestClient(app.url).html("/miasta?q=opatowiec");
    expect(page.html).toContain("Opatowiec");
  });

  it("imports good practices from Kętrzyn, Giżycko, Żywiec, Śrem, Łowicz and Zduńska Wola, with or without diacritics", async () => {
    const rows = [
      ["t-1", "Kętrzyn", "ketrzyn"],
      ["t-2", "Giżycko", "gizycko"],
      ["t-3", "Żywiec", "zywiec"],
      ["t-4", "Śrem", "srem"],
      ["t-5", "Łowicz", "lowicz"],
      ["t-6", "Zduńska Wola", "zdunska-wola"],
      ["t-7", "Zdunska wola", "zdunska-wola"],
      ["t-8", "KETRZYN", "ketrzyn"],
      ["t-9", "lowicz", "lowicz"],
      ["t-10", "GIZYCKO", "gizycko"],
    ];
    const report = await importLibraryJsonl(app.services.db, rows.map(([id, city]) => practice(id, city)).join("\n"));
    expect(report.rejected).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.created).toBe(rows.length);
    for (const [id, , slug] of rows) expect((await cityOfItem(id))?.slug).toBe(slug);
  });

  it("finds towns in /miasta whatever the case and diacritics of the search", async () => {
    const page = await new TestClient(app.url).html("/miasta?q=zdunska%20WOLA");
    expect(page.html).toContain("Zduńska Wola");
    expect(page.html).toContain("GeoNames");
  });

  it("keeps a line naming an unknown place: the city is created unconfirmed, reported as a warning and hidden from the public", async () => {
    const report = await importLibraryJsonl(app.services.db, [practice("u-1", "Nowe Zakątki"), practice("u-2", "nowe zakatki")].join("\n"));
    expect(report.rejected).toEqual([]);
    expect(report.created).toBe(2);
    expect(report.warnings.map((w) => w.line)).toEqual([1, 2]);
    expect(report.warnings[0].message).toContain("„Nowe Zakątki”");
    expect(formatImportReport(report)).toContain("Ostrzeżenia");
    expect(await cityOfItem("u-1")).toEqual({ name: "Nowe Zakątki", slug: "nowe-zakatki", confirmed: 0 });
    expect((await cityOfItem("u-2"))?.slug).toBe("nowe-zakatki");
    expect((await listCities(db(), { q: "zakątki" })).length).toBe(0);
    const visitor = new TestClient(app.url);
    expect((await visitor.get("/miasta/nowe-zakatki")).status).toBe(404);
    expect((await visitor.html("/miasta?q=zakatki")).html).not.toContain("Nowe Zakątki");
  });

  it("lets an admin merge an unconfirmed city into a directory town: its items move there, the merge is audit-logged", async () => {
    await importLibraryJsonl(app.services.db, practice("m-1", "Gizycko-Wilkasy"));
    const queued = await findCityBySlug(db(), "gizycko-wilkasy");
    expect(queued?.confirmed).toBe(0);
    const moderator = await signedIn(app.url, "moderator");
    expect((await moderator.get("/admin/miasta")).status).toBe(403);
    const admin = await signedIn(app.url, "admin");
    const page = await admin.html("/admin/miasta");
    expect(page.html).toContain("Gizycko-Wilkasy");
    const bad = await admin.post("/admin/miasta", { intent: "merge", id: String(queued!.id), into: "Atlantyda" });
    expect(bad.status).toBe(409);
    expect(await bad.text()).toContain("Nie znaleźliśmy w katalogu miasta „Atlantyda”");
    const res = await admin.post("/admin/miasta", { intent: "merge", id: String(queued!.id), into: "Giżycko" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("przeniesiono 1 pozycję biblioteki");
    expect((await cityOfItem("m-1"))?.slug).toBe("gizycko");
    expect(await findCityBySlug(db(), "gizycko-wilkasy")).toBeUndefined();
    const audit = await db().selectFrom("auditLog").select(["action", "subjectId"]).where("action", "=", "city.merge").execute();
    expect(audit).toEqual([{ action: "city.merge", subjectId: String(queued!.id) }]);
  });

  it("lets an admin confirm an unconfirmed city, which then appears in the directory", async () => {
    const city = await findCityBySlug(db(), "nowe-zakatki");
    const admin = await signedIn(app.url, "admin");
    const missing = await admin.post("/admin/miasta", { intent: "confirm", id: String(city!.id), voivodeship: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Wybierz województwo z listy.");
    const res = await admin.post("/admin/miasta", { intent: "confirm", id: String(city!.id), voivodeship: "podlaskie", county: "powiat sejneński" });
    expect(res.status).toBe(200);
    expect((await listCities(db(), { q: "nowe zakatki" })).map((c) => c.voivodeship)).toEqual(["podlaskie"]);
    expect((await new TestClient(app.url).get("/miasta/nowe-zakatki")).status).toBe(200);
    expect(await db().selectFrom("auditLog").select("action").where("action", "=", "city.confirm").execute()).toHaveLength(1);
  });

  it("sends a village an earlier directory took in (Pcim) back to the admin's review, where confirming it sticks", async () => {
    // As the GeoNames-guessing directory stored it on databases seeded before the official list.
    await db().insertInto("cities").values({ slug: "pcim", name: "Pcim", nameKey: "pcim", voivodeship: "małopolskie", county: "powiat myślenicki", teryt: null, population: 4900, sizeClass: "small", countyTeryt: "1209", lat: 49.75, lng: 19.97, geonamesId: 3089310, confirmed: 1 }).execute();
    await seedTownDirectory(db(), towns);
    expect((await findCityBySlug(db(), "pcim"))?.confirmed).toBe(0);
    expect((await new TestClient(app.url).get("/miasta/pcim")).status).toBe(404);
    const admin = await signedIn(app.url, "admin");
    expect((await admin.html("/admin/miasta")).html).toContain("Pcim");
    const pcim = await findCityBySlug(db(), "pcim");
    expect((await admin.post("/admin/miasta", { intent: "confirm", id: String(pcim!.id), voivodeship: "małopolskie", county: "powiat myślenicki" })).status).toBe(200);
    await seedTownDirectory(db(), towns);
    expect((await findCityBySlug(db(), "pcim"))?.confirmed).toBe(1);
  });
});
