import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxStats } from "../../db/repositories/search-outbox.js";
import { importLibraryJsonl } from "../../server/library/library-import.js";
import { dialects } from "../setup/dialects.js";
import { signedIn } from "../setup/http-client.js";
import { startTestServer, type TestServer } from "../setup/test-server.js";

const line = (o: Record<string, unknown>) => JSON.stringify(o);
const good = { externalId: "imp-1", kind: "publication", title: "Raport o mieszkalnictwie komunalnym", summary: "Stan zasobu gmin.", body: "## Wnioski\n\nTekst.", areas: ["nieruchomosci"], tags: ["mieszkania"], authors: ["ZMP"], year: 2023, url: "https://example.org/raport" };
const practice = { externalId: "imp-2", kind: "good_practice", title: "Łódzka Mapa Potrzeb Mieszkaniowych", summary: "Diagnoza.", areas: ["demografia"], city: "Łódź", year: 2022, goodPractice: { problem: "Brak danych.", solution: "Mapa.", results: "Lepsze decyzje.", costAndFunding: "Budżet miasta.", period: "2021–2022", contact: "UMŁ" } };

// Lines 1 and 8 are valid; 5 is blank (skipped, not counted); the rest are rejected for the reasons asserted below.
const FILE = [
  line(good),
  "{ to nie jest JSON",
  line({ externalId: "imp-3", kind: "publication" }),
  line({ ...good, externalId: "imp-4", areas: ["kosmos"] }),
  "",
  line({ externalId: "imp-6", kind: "good_practice", title: "Praktyka bez miasta" }),
  line({ ...good, title: "Duplikat" }),
  line(practice),
  line({ ...good, externalId: "imp-9", kind: "podcast", url: "javascript:alert(1)" }),
].join("\n");

describe.each(await dialects())("library import on %s", (dialect) => {
  let app: TestServer;
  const count = async () => Number((await app.services.db.db.selectFrom("libraryItems").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const revisions = async () => Number((await app.services.db.db.selectFrom("libraryRevisions").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  beforeAll(async () => {
    app = await startTestServer({ dialect });
    await app.services.search.indexer.waitUntilEmpty(30_000);
  });
  afterAll(async () => app?.stop());

  it("loaded the demo library (≥ 90 items, all kinds) through the same import", async () => {
    const kinds = await app.services.db.db.selectFrom("libraryItems").select("kind").distinct().execute();
    expect(await count()).toBeGreaterThanOrEqual(90);
    expect(kinds.map((k) => k.kind).sort()).toEqual(["good_practice", "material", "publication", "recording", "tool"]);
  });

  it("a dry run reports per line and writes nothing", async () => {
    const [items, outbox] = [await count(), (await outboxStats(app.services.db.db)).pending];
    const r = await importLibraryJsonl(app.services.db, FILE, { dryRun: true });
    expect(r).toMatchObject({ total: 8, created: 2, updated: 0, unchanged: 0, dryRun: true });
    expect(r.rejected.map((x) => x.line)).toEqual([2, 3, 4, 6, 7, 9]);
    const reasons = Object.fromEntries(r.rejected.map((x) => [x.line, x.reasons.join(" | ")]));
    expect(reasons[2]).toMatch(/nieprawidłowy JSON/);
    expect(reasons[3]).toMatch(/title: Podaj tytuł/);
    expect(reasons[4]).toMatch(/Nieznany obszar tematyczny „kosmos”/);
    expect(reasons[6]).toMatch(/musi być przypisana do miasta/);
    expect(reasons[7]).toMatch(/wierszu 1/);
    expect(reasons[9]).toMatch(/kind/);
    expect(reasons[9]).toMatch(/url/);
    expect(await count()).toBe(items);
    expect((await outboxStats(app.services.db.db)).pending).toBe(outbox);
  });

  it("imports valid lines, and re-running the same file changes nothing", async () => {
    const items = await count();
    const first = await importLibraryJsonl(app.services.db, FILE);
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(await count()).toBe(items + 2);
    const lodz = await app.services.db.db.selectFrom("libraryItems").innerJoin("cities", "cities.id", "libraryItems.cityId").select(["cities.slug", "libraryItems.problem", "libraryItems.status"]).where("externalId", "=", "imp-2").executeTakeFirstOrThrow();
    expect(lodz).toEqual({ slug: "lodz", problem: "Brak danych.", status: "published" });

    await app.services.search.indexer.waitUntilEmpty();
    const [revs, outbox] = [await revisions(), (await outboxStats(app.services.db.db)).pending];
    const again = await importLibraryJsonl(app.services.db, FILE);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(again.rejected).toHaveLength(6);
    expect(await count()).toBe(items + 2);
    expect(await revisions()).toBe(revs);
    expect((await outboxStats(app.services.db.db)).pending).toBe(outbox);

    const changed = await importLibraryJsonl(app.services.db, line({ ...good, title: "Raport o mieszkalnictwie komunalnym 2024" }));
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(await revisions()).toBe(revs + 1);
    await app.services.search.indexer.waitUntilEmpty();
    const hit = await app.services.search.engine.search({ q: "mieszkalnictwie komunalnym 2024", hitsPerPage: 3 });
    expect(hit.hits[0]?.externalId).toBe("imp-1");
  });

  it("is available to admins in the UI (paste) and refused to others", async () => {
    const admin = await signedIn(app.url, "admin");
    await admin.get("/admin/import");
    const res = await admin.post("/admin/import", { text: FILE, dryRun: "1" });
    expect(res.status).toBe(200);
    const html = await res.text();
    // imp-1 was changed by the previous test, so the file would now update it back.
    expect(html).toContain("Wierszy: 8; dodano: 0; zaktualizowano: 1; bez zmian: 1; odrzucono: 6.");
    expect(html).toContain("Próba na sucho");
    expect(html).toContain("Nieznany obszar tematyczny „kosmos”");
    const moderator = await signedIn(app.url, "moderator");
    expect((await moderator.get("/admin/import")).status).toBe(403);
    expect((await moderator.post("/admin/import", { text: FILE })).status).toBe(403);
  });

  it.runIf(dialect === "sqlite")("runs from the command line with a report and --dry-run", async () => {
    const file = path.join(app.dataDir, "import.jsonl");
    writeFileSync(file, FILE);
    const env = { ...process.env, DATA_DIR: app.dataDir, LOG_LEVEL: "error", FRL_DEMO: "0" };
    const run = promisify(execFile);
    const out = await run("npx", ["tsx", "server/library/import-cli.ts", file, "--dry-run"], { env }).catch((e: { stdout: string; code: number }) => e);
    expect(out.stdout).toContain("Wiersz 4 (imp-4): areas: Nieznany obszar tematyczny „kosmos”.");
    expect(out.stdout).toContain("Próba na sucho");
    expect((out as { code?: number }).code).toBe(1); // rejected lines make the exit status non-zero
  });
});
